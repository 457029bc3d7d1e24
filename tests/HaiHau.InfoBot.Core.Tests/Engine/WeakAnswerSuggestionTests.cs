using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Engine;

/// <summary>
/// The two-stage fallback (issue 12 §4): an entry too weak to give as the answer is never shown as one, but it is
/// offered as a button beside the honest "I don't know" and the referral, so the resident whose question it was gets
/// the answer in one tap. The letter is written for this test, not taken from the answer sets.
/// </summary>
public sealed class WeakAnswerSuggestionTests
{
    private const string Letter = "Tôi đang vay ngân hàng chính sách để nuôi bò mà bò chết hết vì dịch, giờ chưa trả được thì sao?";

    [Fact]
    public void A_weak_match_is_offered_as_a_button_beside_the_referral_and_one_tap_gives_its_answer()
    {
        var bot = new EngineHarness();
        var reply = bot.Send(Letter);

        var text = EngineHarness.Joined(reply);
        Assert.Contains("không dám trả lời đại", text, StringComparison.Ordinal); // not presented as the answer
        Assert.Contains("Ngân hàng Chính sách xã hội", text, StringComparison.Ordinal); // the body the letter names
        Assert.Contains(EngineHarness.Repo.Questions.Messages.Suggest, text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered);

        var extension = EngineHarness.Repo.Questions.FindFaq("gia-han-no-vay")!;
        var button = Assert.Single(reply[^1].QuickReplies, b => b.Id == new AnswerRef(AnswerRef.Faq, extension.Id).Payload);
        Assert.Equal(extension.Question, button.Label);
        Assert.True(reply[^1].QuickReplies.Count(b => b.Id.StartsWith(AnswerRef.Faq + ":", StringComparison.Ordinal)) <= QuestionUnderstanding.MaxSuggestions);
        var unanswered = Assert.Single(bot.LastEvents, e => e.Kind == EventKinds.QuestionUnanswered);
        Assert.Contains(button.Id, unanswered.Data![DialogEngine.SuggestedData], StringComparison.Ordinal); // staff and the evaluation see what was offered

        var answer = EngineHarness.Joined(bot.Press(button.Id));
        Assert.Contains(extension.Answer[..40], answer, StringComparison.Ordinal);
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == button.Id);
    }

    [Fact]
    public void A_message_nothing_resembles_gets_no_suggestion()
    {
        var bot = new EngineHarness();
        var reply = bot.Send("Hôm nay trời mưa to quá, cháu ạ.");

        Assert.DoesNotContain(EngineHarness.Repo.Questions.Messages.Suggest, EngineHarness.Joined(reply), StringComparison.Ordinal);
        Assert.DoesNotContain(reply.SelectMany(r => r.QuickReplies), b => b.Id.StartsWith(AnswerRef.Faq + ":", StringComparison.Ordinal));
    }
}
