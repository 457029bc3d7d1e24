using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Engine;

/// <summary>
/// Older residents open with leave to ask («cho bà hỏi tí», «cháu ơi cho bác hỏi») and wait for the answer before asking,
/// or ask the bot to wait («đợi bà tí»), and close an answer with a word that takes it in («thế à», «bà nghe rồi»).
/// Such a message is met as a greeting is, with the menu, at the start or after an answer. Read as a question it had
/// been given a choice between the school transfer and the elderly allowance («bà», «tí»), or logged as a question the
/// bot could not answer.
/// </summary>
public sealed class LeaveToAskTests
{
    [Theory]
    [InlineData("cho bà hỏi tí")]
    [InlineData("cháu ơi bà hỏi tí")]
    [InlineData("cháu ơi cho bác hỏi")]
    [InlineData("ad ơi cho e hỏi tí")]
    [InlineData("bà hỏi cái này")]
    [InlineData("đợi bà tí")]
    public void Leave_to_ask_gets_the_menu_and_nothing_is_logged_as_unanswered(string text)
    {
        var bot = new EngineHarness();
        var menu = bot.Start()[^1];

        var reply = bot.Send(text);

        Assert.Equal(menu.Text, reply[^1].Text);
        Assert.Equal(menu.QuickReplies.Select(q => q.Label), reply[^1].QuickReplies.Select(q => q.Label));
        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionUnanswered || e.Kind == EventKinds.QuestionAmbiguous);
    }

    [Theory]
    [InlineData("vậy hả cháu")] // had been the commune merger
    [InlineData("bà nghe rồi")] // training a second time
    [InlineData("thế thì thôi")] // the card after leaving a job
    public void After_an_answer_a_reply_that_only_takes_it_in_gets_the_menu_not_an_entry(string text)
    {
        var bot = new EngineHarness();
        var menu = bot.Start()[^1];
        bot.Send("tiền già bao nhiêu");

        var reply = bot.Send(text);

        Assert.Equal(menu.Text, reply[^1].Text);
        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject?.StartsWith("faq:", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void After_an_answer_leave_to_ask_more_gets_the_menu_not_the_answer_again()
    {
        var bot = new EngineHarness();
        var menu = bot.Start()[^1];
        bot.Send("hộ nghèo được hỗ trợ những gì");

        var reply = bot.Send("cháu ơi cho bác hỏi thêm");

        Assert.Equal(menu.Text, reply[^1].Text);
    }
}
