using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// The classifier visits its examples in an order named by each example's text, not by where it sits among the others
/// (SoftmaxClassifier's remarks): the same content read in another order is the same bot, so a phrase added to one entry
/// cannot reshuffle what the rest learnt (issue 12: with a shuffle of positions, each one-phrase content edit moved
/// 6–8 verdicts of the answer sets' rows).
/// </summary>
public sealed class TrainingOrderTests
{
    private static readonly BotData Repo = EngineHarness.Repo;

    [Fact]
    public void The_same_examples_in_reverse_order_give_the_same_answers_and_confidences()
    {
        var written = QuestionUnderstanding.Build(Repo.Understanding, Repo.Content.Articles, store: PreparedUnderstanding.Store());
        var reversed = QuestionUnderstanding.Build(
            Repo.Understanding with { Examples = [.. Repo.Understanding.Examples.Reverse()], Faqs = [.. Repo.Understanding.Faqs.Reverse()] },
            Repo.Content.Articles);

        var questions = DevSet.Load();
        Assert.NotEmpty(questions);
        foreach (var item in questions)
        {
            var (a, b) = (written.Understand(item.Question), reversed.Understand(item.Question));
            Assert.Equal((a.Decision, a.Topic, a.Answer?.Payload), (b.Decision, b.Topic, b.Answer?.Payload));
            // Float sums in another feature order differ in the last bits, never more.
            Assert.True(Math.Abs(a.Best.Confidence - b.Best.Confidence) < 1e-4, $"{item.Question}: {a.Best.Confidence} against {b.Best.Confidence}");
        }
    }
}
