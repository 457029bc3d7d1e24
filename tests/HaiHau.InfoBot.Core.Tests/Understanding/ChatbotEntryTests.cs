using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// Residents ask what the chatbot is before they trust it (three writers of the chat sets asked, in their own words):
/// whose it is, whether a person answers, whether it is a scam. The entry on the chatbot itself answers them; it is
/// given only when the message names the chatbot (its subjects), since its words («cái này», «cháu», «của ai») are
/// everyone's. The messages are written for this test.
/// </summary>
public sealed class ChatbotEntryTests
{
    private const string Entry = "faq:tro-ly-hoi-dap-la-gi";

    [Theory]
    [InlineData("chatbot nay cua xa hay cua ai vay ad")]
    [InlineData("cái bot này có phải của nhà nước làm không hay là lừa đảo")]
    [InlineData("đang nhắn với người hay máy trả lời vậy")]
    public void A_question_about_the_chatbot_gets_its_entry(string message)
    {
        var bot = new EngineHarness();

        var reply = EngineHarness.Joined(bot.Send(message));

        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == Entry);
        Assert.Contains("không phải cán bộ", reply, StringComparison.Ordinal);
        Assert.Contains("mã OTP", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hỏi cái này làm gì cháu")]
    [InlineData("cái này của ai làm thì hỏi ai")]
    public void A_message_that_does_not_name_the_chatbot_is_not_given_it(string message)
    {
        var bot = new EngineHarness();

        bot.Send(message);

        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == Entry);
    }
}
