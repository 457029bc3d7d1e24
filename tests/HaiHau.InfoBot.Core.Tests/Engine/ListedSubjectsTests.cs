using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Engine;

/// <summary>
/// Two subjects listed with «với» in a short message are two things asked about; one subject said with «với» inside
/// it is one (DialogEngine.AnswerFirstOfTwo).
/// </summary>
public sealed class ListedSubjectsTests
{
    [Fact]
    public void Two_subjects_listed_ask_which_one_first()
    {
        var bot = new EngineHarness();

        bot.Send("thẻ bhyt với vay vốn cho con đi học");

        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAmbiguous);
    }

    [Fact]
    public void A_dispute_with_the_neighbours_is_one_subject_not_two()
    {
        // «hàng xóm» alone read as the neighbour's standing, and the resident was asked to pick between two topics
        var bot = new EngineHarness();

        bot.Send("tranh chấp đất với hàng xóm");

        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionAmbiguous);
        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, "faq:tranh-chap-dat-dai"), bot.LastEvents);
    }
}
