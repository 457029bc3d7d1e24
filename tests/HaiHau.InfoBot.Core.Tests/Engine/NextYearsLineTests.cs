using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Engine;

/// <summary>
/// In December 2026 residents ask whether the poverty line changes next year (it does, on 1/1/2027). «sang năm chuẩn
/// nghèo có thay đổi không» was asked back between two topics' names, neither button the entry that says it. The
/// messages are written for these tests, not taken from the sets.
/// </summary>
public sealed class NextYearsLineTests
{
    [Theory]
    [InlineData("sang năm chuẩn nghèo có thay đổi không")]
    [InlineData("sang nam chuan ngheo co thay doi khong")]
    [InlineData("chuẩn nghèo năm sau là bao nhiêu")]
    [InlineData("nam sau chuan ngheo la bao nhieu")]
    public void Asked_in_december_2026_the_bot_gives_today_s_line_and_next_year_s(string text)
    {
        var bot = EngineHarness.On(2026, 12, 8);

        var reply = EngineHarness.Joined(bot.Send(text));

        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, new AnswerRef(AnswerRef.Faq, "chuan-ngheo-nam-2027").Payload), bot.LastEvents);
        Assert.Contains("1.500.000 đồng (từ 1/1/2027: 2.200.000 đồng)", reply, StringComparison.Ordinal);
    }
}
