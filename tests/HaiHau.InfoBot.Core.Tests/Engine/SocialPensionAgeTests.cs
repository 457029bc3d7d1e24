using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Engine;

/// <summary>
/// The age a resident tells, against the social pension's ages (<see cref="SocialPensionAge"/>): that person's standing
/// before the entry, which gave only the general rule.
/// </summary>
public sealed class SocialPensionAgeTests
{
    private static EngineHarness Bot(int year = 2026, int month = 12) => EngineHarness.On(year, month, 5);

    [Theory]
    // Today's ages (facts.yaml, from 1/7/2025): 75, and 70 for poor and near-poor households.
    [InlineData("bà tôi 78 tuổi không có lương hưu có được trợ cấp người già không", "Người 78 tuổi đã đủ tuổi hưởng trợ cấp hưu trí xã hội")]
    [InlineData("mẹ tôi 72 tuổi, hộ cận nghèo, không có lương hưu thì có được trợ cấp hưu trí xã hội không", "Người 72 tuổi đã đủ tuổi hưởng trợ cấp hưu trí xã hội")]
    [InlineData("bà tôi 72 tuổi có được trợ cấp người già không", "Người 72 tuổi được hưởng trợ cấp hưu trí xã hội nếu thuộc hộ nghèo, hộ cận nghèo; nếu không thì phải đủ 75 tuổi.")]
    [InlineData("bố tôi 75 tuổi có được trợ cấp hưu trí xã hội không", "khi đã đủ 75 tuổi tính theo ngày sinh")]
    [InlineData("ông ngoại 68 tuổi nhà hộ nghèo có được trợ cấp người già không", "Người 68 tuổi chưa đến tuổi hưởng trợ cấp hưu trí xã hội (từ đủ 70 tuổi với hộ nghèo, hộ cận nghèo; 75 tuổi với người khác).")]
    public void The_person_s_age_is_placed_against_the_pension_s_ages_before_the_entry(string question, string line)
    {
        var bot = Bot();
        var reply = bot.Send(question)[0];

        // Right after the entry's question, before its general rule: on the first screen even when the rest of a long
        // entry goes behind «Xem thêm».
        Assert.Contains(line, reply.Text.Split("\n\n")[1], StringComparison.Ordinal);
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject is "faq:tro-cap-nguoi-cao-tuoi" or "faq:tro-cap-huu-tri-xa-hoi");
    }

    [Fact]
    public void Another_person_s_age_in_the_next_message_gets_that_person_s_line()
    {
        var bot = Bot();
        bot.Send("Cháu ơi bác 82 tuổi đang nhận trợ cấp người cao tuổi, mỗi tháng được bao nhiêu tiền hả cháu?");

        var reply = bot.Send("còn ông nhà bác 78 tuổi thì có được không")[0];

        Assert.Contains("Người 78 tuổi đã đủ tuổi hưởng trợ cấp hưu trí xã hội", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    // A group's bound is no person's age; two ages are two people the line cannot tell apart.
    [InlineData("người trên 75 tuổi có được trợ cấp hưu trí xã hội không")]
    [InlineData("Có phải từ 1/7/2025, người từ 75 tuổi không có lương hưu sẽ được nhận tiền trợ cấp hàng tháng không?")]
    [InlineData("bố tôi 72 tuổi, mẹ tôi 78 tuổi có được trợ cấp người già không")]
    public void No_line_without_one_person_s_age(string question)
    {
        var reply = Bot().Send(question)[0];

        Assert.DoesNotContain("Người 7", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_line_on_a_day_the_ages_are_not_in_force()
    {
        // Before 1/7/2025 facts.yaml has no value for either age: the bot places no one.
        var reply = Bot(2025, 3).Send("bà tôi 78 tuổi không có lương hưu có được trợ cấp người già không")[0];

        Assert.DoesNotContain("Người 78 tuổi", reply.Text, StringComparison.Ordinal);
    }
}
