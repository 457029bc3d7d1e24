using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Engine;

/// <summary>
/// «làm sao để hỏi», «bà không biết dùng cái này»: an older resident asks how to use the assistant. They are told that
/// typing a question is enough, and get the menu to ask from. Read as questions, «làm sao để hỏi» had the domestic-violence
/// entry («làm sao»), «bà không biết dùng cái này» a referral, and «tôi không biết dùng điện thoại nhắn tin» the
/// question whether to stop the messages.
/// </summary>
public sealed class AskingHowToUseTests
{
    [Theory]
    [InlineData("làm sao để hỏi")]
    [InlineData("bà không biết dùng cái này")]
    [InlineData("tôi không biết dùng điện thoại nhắn tin")]
    public void Asking_how_to_use_it_is_told_how_and_gets_the_menu(string text)
    {
        var bot = new EngineHarness();
        var menu = bot.Start()[^1];

        var reply = bot.Send(text);

        Assert.Contains(reply, m => m.Text == DialogEngine.HowToAskReply);
        Assert.Equal(menu.Text, reply[^1].Text);
        Assert.Equal(menu.QuickReplies.Select(q => q.Label), reply[^1].QuickReplies.Select(q => q.Label));
        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionUnanswered || e.Kind == EventKinds.OptOutRequested
            || (e.Kind == EventKinds.QuestionAnswered && e.Subject?.StartsWith("faq:", StringComparison.Ordinal) == true));
    }

    [Fact]
    public void A_matter_asked_with_the_same_words_is_still_answered()
    {
        var bot = new EngineHarness();
        bot.Start();

        var reply = bot.Send("bị chồng đánh phải làm sao");

        Assert.DoesNotContain(reply, m => m.Text == DialogEngine.HowToAskReply);
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == "faq:bao-luc-gia-dinh");
    }
}
