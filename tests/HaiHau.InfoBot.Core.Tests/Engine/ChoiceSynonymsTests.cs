using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Engine;

/// <summary>
/// The dialogs' own choices answered in the resident's words (dialogs/*.yaml, <c>synonyms</c>): «Bác muốn vay vốn để
/// làm gì?» is answered with what the money is for, which no button says.
/// </summary>
public sealed class ChoiceSynonymsTests
{
    [Theory]
    [InlineData("chăn nuôi", "VAY VỐN ƯU ĐÃI Ở NGÂN HÀNG CHÍNH SÁCH XÃ HỘI")]
    [InlineData("nuoi bo", "VAY VỐN ƯU ĐÃI Ở NGÂN HÀNG CHÍNH SÁCH XÃ HỘI")]
    [InlineData("cho con học đại học", "Vay vốn cho học sinh, sinh viên")]
    public void What_the_loan_is_for_picks_the_loan(string reply, string shown)
    {
        var bot = new EngineHarness();
        bot.Start();
        bot.Press("vay-von");

        var text = EngineHarness.Joined(bot.Send(reply));

        // «chăn nuôi» and «nuôi bò» were asked again three times, and the dialog gave up.
        Assert.Contains(shown, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Bác muốn vay vốn để làm gì?", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leaking_roof_picks_the_housing_support()
    {
        var bot = new EngineHarness();
        bot.Start();
        bot.Press("ho-tro-khac");

        bot.Send("nhà dột");

        Assert.Contains(new TurnEvent(EventKinds.ArticleViewed, "ho-tro-nha-o"), bot.LastEvents);
    }
}
