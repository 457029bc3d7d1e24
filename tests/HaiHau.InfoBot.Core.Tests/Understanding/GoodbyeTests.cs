using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// A resident who says goodbye is said goodbye to (content/understanding: the «goodbye» topic, a reply): «tạm biệt» had
/// been asked back whether it meant the main menu or other support, since the greetings' examples held it, and inside a
/// dialog the waiting question was asked again. The plain goodbyes are a global command too, so they work anywhere.
/// Greetings, «có ai không» and a bare «dạ» or «ko» open the menu.
/// </summary>
public sealed class GoodbyeTests
{
    [Theory]
    [InlineData("tạm biệt")]
    [InlineData("bye nhé")]
    [InlineData("thôi chào nhé")]
    public void A_goodbye_gets_a_goodbye_not_a_question_back_or_the_menu(string text)
    {
        var bot = new EngineHarness();
        bot.Start();

        var reply = Assert.Single(bot.Send(text));

        Assert.StartsWith("Dạ, cháu chào bác ạ.", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bác muốn hỏi về việc gì?", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_goodbye_while_a_question_waits_ends_it_with_a_goodbye()
    {
        var bot = new EngineHarness();
        bot.Start();
        bot.Press("bhyt"); // the health insurance dialog asks which category the household is

        var reply = Assert.Single(bot.Send("tạm biệt"));

        Assert.StartsWith("Dạ, cháu chào bác ạ.", reply.Text, StringComparison.Ordinal);
        Assert.Empty(bot.State.Stack); // nothing left waiting: it had asked for the category again
    }

    [Theory]
    [InlineData("cảm ơn cháu nhé")]
    [InlineData("cam on nhieu")]
    [InlineData("tks ad")]
    public void Thanks_are_met_with_thanks_before_the_menu(string text)
    {
        var bot = new EngineHarness();
        bot.Start();

        var replies = bot.Send(text);

        // It got the menu's «Bác muốn hỏi về việc gì?» alone.
        Assert.StartsWith("Dạ, không có gì ạ.", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("Bác muốn hỏi về việc gì?", EngineHarness.Joined(replies), StringComparison.Ordinal);
    }

    [Fact]
    public void Thanks_while_a_question_waits_end_it_with_thanks_and_the_menu()
    {
        var bot = new EngineHarness();
        bot.Start();
        bot.Press("bhyt"); // the health insurance dialog asks which category the household is

        var replies = bot.Send("cảm ơn cháu");

        // It asked for the category again: «Bác bấm nút đúng với diện của nhà mình giúp cháu nhé».
        Assert.StartsWith("Dạ, không có gì ạ.", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("Bác muốn hỏi về việc gì?", EngineHarness.Joined(replies), StringComparison.Ordinal);
        Assert.DoesNotContain("diện", EngineHarness.Joined(replies), StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_greeting_gets_no_thanks()
    {
        var bot = new EngineHarness();
        bot.Start();

        Assert.DoesNotContain("không có gì", EngineHarness.Joined(bot.Send("chào cháu")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chào cháu nhé")]
    // «không hiểu» opened the poverty dialog («hiểu» as in «tìm hiểu về hộ nghèo»): the menu is where to start again.
    [InlineData("không hiểu")]
    [InlineData("khó hiểu quá")]
    // «có ai không» (anyone there?) had the entry on where to hand in the application («ai»: to whom).
    [InlineData("có ai không")]
    [InlineData("ai đó")]
    // A bare yes or no with nothing asked is an acknowledgement: «dạ» had the BHYT refund entry, «có ạ» the one on
    // reporting wrongdoing, «ko» the poverty dialog.
    [InlineData("dạ")]
    [InlineData("có ạ")]
    [InlineData("ko")]
    public void A_greeting_or_not_understanding_opens_the_menu(string text)
    {
        var bot = new EngineHarness();
        bot.Start();

        var replies = EngineHarness.Joined(bot.Send(text));

        Assert.Contains("Bác muốn hỏi về việc gì?", replies, StringComparison.Ordinal);
    }
}
