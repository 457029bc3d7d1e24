using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// «còn hộ cận nghèo thì sao» right after an answer asks the same matter for someone else: it is read with the previous
/// answer's topic (for the next turn only). Read alone, it got the entry on leaving the near-poor list after the poor
/// household's BHYT card; a follow-up that only names another topic («thế còn vay vốn») goes to that topic.
/// </summary>
public sealed class FollowUpTests
{
    private const string PoorCard = "faq:bhyt-ho-ngheo-dong-tien";
    private const string NearPoorCard = "faq:bhyt-ho-can-ngheo";

    [Theory]
    [InlineData("còn hộ cận nghèo thì sao")]
    [InlineData("thế còn hộ cận nghèo")]
    [InlineData("hộ cận nghèo thì sao")]
    public void A_follow_up_after_an_answer_is_read_within_its_topic(string followUp)
    {
        var bot = new EngineHarness();
        bot.Send("hộ nghèo được hỗ trợ bhyt bao nhiêu");
        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, PoorCard), bot.LastEvents);

        bot.Send(followUp);

        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, NearPoorCard), bot.LastEvents);
    }

    [Fact]
    public void A_follow_up_after_the_article_a_dialog_showed_is_read_within_its_topic()
    {
        var bot = new EngineHarness();
        bot.Start();
        bot.Press("bhyt");
        Assert.Contains("BẢO HIỂM Y TẾ CHO NGƯỜI THUỘC HỘ NGHÈO", EngineHarness.Joined(bot.Press("ngheo")), StringComparison.Ordinal);

        bot.Send("còn hộ cận nghèo thì sao");

        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, NearPoorCard), bot.LastEvents);
    }

    [Fact]
    public void The_same_words_with_no_answer_before_are_read_alone()
    {
        var bot = new EngineHarness();

        bot.Send("còn hộ cận nghèo thì sao");

        Assert.DoesNotContain(new TurnEvent(EventKinds.QuestionAnswered, NearPoorCard), bot.LastEvents);
    }

    [Fact]
    public void A_follow_up_naming_only_another_topic_goes_to_that_topic()
    {
        var bot = new EngineHarness();
        bot.Send("hộ nghèo được hỗ trợ bhyt bao nhiêu");

        var reply = EngineHarness.Joined(bot.Send("thế còn vay vốn"));

        // The loan topic's own dialog («còn» read as a child had given the student loan).
        Assert.Contains("vay vốn để làm gì", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void The_previous_topic_lasts_one_turn()
    {
        var bot = new EngineHarness();
        bot.Send("hộ nghèo được hỗ trợ bhyt bao nhiêu");
        bot.Send("cảm ơn cháu");

        bot.Send("còn hộ cận nghèo thì sao");

        Assert.DoesNotContain(new TurnEvent(EventKinds.QuestionAnswered, NearPoorCard), bot.LastEvents);
    }
}
