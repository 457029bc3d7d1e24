using System.Globalization;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Core.Understanding.Evaluation;
using HaiHau.InfoBot.TestKit;
using Xunit.Abstractions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// How sure the entry model must be to back an answer whose coverage is too low
/// (<see cref="QuestionUnderstanding.DefaultModelBacksLetter"/>, <see cref="QuestionUnderstanding.DefaultModelBacksMessage"/>)
/// is chosen like the coverage thresholds: on the real and development sets' rows of each kind, by fit − 3 ×
/// confident-wrong, and cross-validated (chosen on four folds, judged on the fifth). The fresh sets take no part.
/// </summary>
public sealed class EntryModelCalibrationTests(ITestOutputHelper output)
{
    private const double WrongCost = 3;
    private static readonly double[] SuggestionGrid = [0.05, 0.1, 0.2, 0.3];
    private static readonly double[] Grid = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 2];

    [Theory]
    [InlineData(true, QuestionUnderstanding.DefaultModelBacksLetter)]
    [InlineData(false, QuestionUnderstanding.DefaultModelBacksMessage)]
    public void The_entry_model_backs_an_answer_from_the_cross_validated_probability(bool letters, double shipped)
    {
        var rows = Scored(letters);
        var chosen = Choose(rows);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(letters ? "letters" : "chat messages")}: {rows.Count} rows, chosen {chosen:0.00} (shipped {shipped:0.00})"));
        foreach (var p in Grid)
        {
            var (fit, wrong) = Apply(rows, p);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p:0.00}: fit {fit:P1}, confident-wrong {wrong:P1}"));
        }

        var folds = rows.Select((r, i) => (r, Fold: i % 5)).ToList();
        double with = 0, without = 0;
        for (var k = 0; k < 5; k++)
        {
            var p = Choose(folds.Where(f => f.Fold != k).Select(f => f.r).ToList());
            var test = folds.Where(f => f.Fold == k).Select(f => f.r).ToList();
            with += Value(Apply(test, p)) * test.Count;
            without += Value(Apply(test, 2)) * test.Count;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fold {k}: {p:0.00}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cross-validated fit − 3 × wrong: {with / rows.Count:0.000} with the model, {without / rows.Count:0.000} without"));
        Assert.Equal(chosen, shipped);
        if (shipped > 1)
        {
            // Never backed (since stop 51 the entry model answers weak letters itself, Thresholds.ModelLeads): chosen on
            // four folds, backing must not do better on the fifth either, or "never" is the wrong choice.
            Assert.True(with <= without + 1e-9, "cross-validated, the model's backing now does better than none");
        }
        else
        {
            Assert.True(with >= without, "cross-validated, the model's backing does worse than none");
        }
    }

    /// <summary>
    /// Each row as the engine reads it with the model's backing off, and what backing would change: a row refused because its
    /// answer covered too little becomes that answer's verdict (as the engine gives it with no threshold) when the model's
    /// probability for it reaches the value tried.
    /// </summary>
    /// <summary>
    /// The entry model's first entries offered as buttons beside an "I don't know"
    /// (<see cref="QuestionUnderstanding.DefaultMinModelSuggestion"/>): on the real and development sets, the shipped
    /// probability puts an accepted entry one tap away for more rows than without the model's buttons, and no value tried
    /// does better (of values that tie, the highest).
    /// </summary>
    [Fact]
    public void The_entry_model_s_buttons_put_more_right_answers_one_tap_away()
    {
        var rows = AnswerSets.RealSet().Concat(AnswerSets.DevSetAsAnswers()).ToList();
        int OneTap(double minimum)
        {
            var understanding = EngineHarness.UnderstandingWith(new QuestionUnderstanding.Thresholds(MinModelSuggestion: minimum));
            return AnswerSets.Evaluate(rows, understanding).Outcomes.Count(o => o.SuggestedRight);
        }

        var without = OneTap(2);
        var tried = SuggestionGrid.Select(p => (P: p, OneTap: OneTap(p))).ToList();
        foreach (var (p, oneTap) in tried)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p:0.00}: {oneTap} of {rows.Count} referred rows have an accepted entry among the buttons (without the model's: {without})"));
        }

        var best = tried.Max(t => t.OneTap);
        Assert.Equal(QuestionUnderstanding.DefaultMinModelSuggestion, tried.Last(t => t.OneTap == best).P);
        Assert.True(best > without, $"the model's buttons add nothing: {best} against {without}");
    }

    private static List<(AnswerVerdict Off, bool Weak, AnswerVerdict Backed, double Belief)> Scored(bool letters)
    {
        var rows = AnswerSets.RealSet().Concat(AnswerSets.DevSetAsAnswers()).Where(r => EngineHarness.Repo.Questions.IsLetter(r.Question) == letters).ToList();
        return Scored(rows);
    }

    private static List<(AnswerVerdict Off, bool Weak, AnswerVerdict Backed, double Belief)> Scored(List<AnswerSetRow> rows)
    {
        var off = EngineHarness.UnderstandingWith(new QuestionUnderstanding.Thresholds(ModelBacksLetter: 2, ModelBacksMessage: 2));
        var offOutcomes = AnswerSets.Evaluate(rows, off).Outcomes;
        var open = AnswerSets.RunWithoutThreshold(rows);
        return rows.Select((row, i) =>
        {
            var question = off.Understand(row.Question);
            var weak = question.WeakAnswer && question.Best.Answer == open[i].Question.Best.Answer;
            return (offOutcomes[i].Verdict, weak, open[i].Outcome.Verdict, weak ? off.ModelBelief(question.Best.Answer, row.Question) : 0);
        }).ToList();
    }

    private static double Value((double Fit, double Wrong) figures) => figures.Fit - (WrongCost * figures.Wrong);

    private static double Choose(IReadOnlyList<(AnswerVerdict Off, bool Weak, AnswerVerdict Backed, double Belief)> rows)
    {
        var best = (P: 2.0, Value: Value(Apply(rows, 2)));
        foreach (var p in Grid)
        {
            var value = Value(Apply(rows, p));
            if (value > best.Value + 1e-12)
            {
                best = (p, value);
            }
        }

        return best.P;
    }

    private static (double Fit, double Wrong) Apply(IReadOnlyList<(AnswerVerdict Off, bool Weak, AnswerVerdict Backed, double Belief)> rows, double p)
    {
        int fit = 0, wrong = 0;
        foreach (var (off, weak, backed, belief) in rows)
        {
            var verdict = weak && belief >= p ? backed : off;
            fit += verdict == AnswerVerdict.Fit ? 1 : 0;
            wrong += verdict == AnswerVerdict.ConfidentWrong ? 1 : 0;
        }

        return (fit / (double)rows.Count, wrong / (double)rows.Count);
    }
}
