using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Engine;

/// <summary>
/// A number typed right after a message whose buttons Zalo and Telegram show numbered presses that message's button of
/// that number. It pressed the main menu's button instead: «1» under «1. Đọc bài đầy đủ» gave «Bác muốn biết điều gì?»
/// of the poverty topic. The letters are written for these tests, not taken from the answer sets.
/// </summary>
public sealed class TypedNumberTests
{
    private const string LoanRate = "hộ cận nghèo vay vốn lãi suất thế nào";

    private const string GrandfatherDied = "ông tôi mất rồi thì thẻ bảo hiểm với tiền trợ cấp của ông xử lý thế nào";

    [Fact]
    public void A_number_after_an_answer_presses_that_answers_button()
    {
        var pressed = new EngineHarness();
        pressed.Start();
        var answer = pressed.Send(LoanRate);
        var typed = new EngineHarness();
        typed.Start();
        typed.Send(LoanRate);

        var read = answer[^1].QuickReplies[0];
        Assert.Equal(EngineHarness.Repo.Questions.Messages.ReadArticle, read.Label);
        Assert.Equal(EngineHarness.Joined(pressed.Press(read.Id)), EngineHarness.Joined(typed.Send("1")));
        Assert.Contains(typed.LastEvents, e => e.Kind == EventKinds.ArticleViewed);
    }

    [Fact]
    public void A_referral_at_the_menu_offers_its_suggestions_in_one_message_and_a_number_picks_one()
    {
        var bot = new EngineHarness();
        bot.Start();

        var referral = bot.Send(GrandfatherDied);

        // The menu no longer follows the suggestions: its eight numbered topics came last, so «2» was health insurance.
        var buttons = Assert.Single(referral).QuickReplies;
        Assert.Equal(GlobalCommands.Buttons(GlobalCommand.Menu, GlobalCommand.Handoff), buttons.TakeLast(2));
        var second = buttons[1];
        Assert.StartsWith(AnswerRef.Faq + ":", second.Id, StringComparison.Ordinal);
        var answer = EngineHarness.Joined(bot.Send("số 2"));
        Assert.StartsWith(second.Label, answer, StringComparison.Ordinal);
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == second.Id);
    }

    [Fact]
    public void A_referral_with_nothing_to_suggest_asks_the_menu_again()
    {
        var bot = new EngineHarness();
        bot.Start();

        var reply = bot.Send("xyz qwe");

        var menu = new EngineHarness().Start()[^1];
        Assert.Equal(2, reply.Count);
        Assert.Equal(menu.Text, reply[^1].Text);
        Assert.Equal(menu.QuickReplies, reply[^1].QuickReplies);
    }

    [Fact]
    public void A_number_after_the_question_itself_answers_the_question()
    {
        var bot = new EngineHarness();
        bot.Start();
        bot.Send(LoanRate);
        bot.Send("menu");

        var topic = EngineHarness.Joined(bot.Send("2"));

        Assert.StartsWith("Hộ nhà bác đang thuộc diện nào?", topic, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_that_waits_for_a_number_keeps_it()
    {
        var bot = DialogWalks.ToEstimateSize();
        bot.State.LastButtons = ["faq:gia-han-no-vay"]; // an answer's buttons shown since, with the question still waiting

        var next = EngineHarness.Joined(bot.Send("1"));

        Assert.StartsWith("Về thu nhập, bác dễ nói cho cả hộ hay cho mỗi người?", next, StringComparison.Ordinal);
    }
}
