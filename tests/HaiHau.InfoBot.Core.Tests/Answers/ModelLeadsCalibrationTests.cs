using System.Globalization;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Core.Understanding.Evaluation;
using HaiHau.InfoBot.TestKit;
using Xunit.Abstractions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// How sure the entry model must be to answer a message the search found too weak
/// (<see cref="QuestionUnderstanding.DefaultModelLeads"/>) is chosen by fit − 3 × confident-wrong, the coverage
/// thresholds' rule, counted in rows over every labelled set that has been read (<see cref="AnswerSets.ReadSets"/>: the
/// real set, the development set, the fresh letters' sets and the first five chat-style sets). Those sets come from
/// different writers (letters to newspapers and legal sites, residents' chat messages, older residents dictating), so the
/// value has to serve all of them at once, not one. It is then judged on the sets no one has read
/// (<see cref="AnswerSets.CleanSets"/>: the sixth and seventh chat-style sets, the sixth to eighth fresh sets of real letters), through the engine.
/// </summary>
public sealed class ModelLeadsCalibrationTests(ITestOutputHelper output)
{
    private const double WrongCost = 3;

    /// <summary>The probabilities tried; 2 is "never".</summary>
    private static readonly double[] Grid = [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 2];

    [Fact]
    public void The_model_answers_from_the_probability_that_serves_the_read_sets_best()
    {
        var rows = AnswerSets.ReadSets();
        var tried = Grid.Select(p => (P: p, Figures: Figures(rows, p))).ToList();
        foreach (var (p, figures) in tried)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{p:0.00}: fit {figures.Fit}, confident-wrong {figures.ConfidentWrong} of {figures.Rows}, value {Value(figures)}"));
        }

        // Of values that tie, the highest: the fewer messages the model answers for the same value, the better.
        var best = tried.Max(t => Value(t.Figures));
        var chosen = tried.Last(t => Value(t.Figures) == best).P;
        Assert.Equal(QuestionUnderstanding.DefaultModelLeads, chosen);
        Assert.True(best > Value(tried.Single(t => t.P == 2).Figures), "the model's answers do no better than none");
    }

    [Fact]
    public void On_the_unread_chat_sets_the_model_s_answers_gain_more_than_they_cost()
    {
        var rows = AnswerSets.CleanSets();
        var shipped = Figures(rows, QuestionUnderstanding.DefaultModelLeads);
        var never = Figures(rows, 2);
        output.WriteLine($"shipped: {shipped}\nnever: {never}");

        Assert.True(shipped.Fit > never.Fit, $"fit {shipped.Fit} with the model's answers, {never.Fit} without");
        Assert.True(Value(shipped) > Value(never), $"fit − 3 × confident-wrong {Value(shipped)} with, {Value(never)} without");
    }

    private static AnswerReport.Figures Figures(IReadOnlyList<AnswerSetRow> rows, double modelLeads) =>
        AnswerSets.Evaluate(rows, EngineHarness.UnderstandingWith(new QuestionUnderstanding.Thresholds(ModelLeads: modelLeads))).Overall;

    private static double Value(AnswerReport.Figures figures) => figures.Fit - (WrongCost * figures.ConfidentWrong);
}
