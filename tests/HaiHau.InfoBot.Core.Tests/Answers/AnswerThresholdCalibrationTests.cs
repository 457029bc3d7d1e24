using System.Globalization;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Core.Understanding.Evaluation;
using HaiHau.InfoBot.TestKit;
using Xunit.Abstractions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The coverage thresholds below which the bot says "I don't know" are chosen by 5-fold cross-validation on the
/// labelled sets: on four folds the threshold that maximises fit − 3 × confident-wrong is found, and judged on the
/// fifth. Chat messages (<see cref="QuestionUnderstanding.DefaultMinCoverage"/>) and letters (more than
/// <see cref="QuestionUnderstanding.LetterWords"/> words, <see cref="QuestionUnderstanding.DefaultMinLetterCoverage"/>)
/// each get their own, chosen on their own rows: a letter's coverage is measured with the grammar of telling a case
/// weighing little, so it runs higher. The shipped values must be the ones chosen on all the rows of their kind
/// (± one step), so nobody tunes them by hand to a row.
/// </summary>
public sealed class AnswerThresholdCalibrationTests(ITestOutputHelper output)
{
    private const double Step = 0.02;
    private const double WrongCost = 3;

    [Theory]
    [InlineData(false, QuestionUnderstanding.DefaultMinCoverage)]
    [InlineData(true, QuestionUnderstanding.DefaultMinLetterCoverage)]
    public void The_coverage_threshold_is_the_cross_validated_choice(bool letters, double shipped)
    {
        var understanding = EngineHarness.Repo.Questions;
        var rows = AnswerSets.RealSet().Concat(AnswerSets.DevSetAsAnswers()).Where(r => understanding.IsLetter(r.Question) == letters).ToList();
        var scored = Score(rows);
        var chosen = Choose(scored);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(letters ? "letters" : "chat messages")}: chosen on all {rows.Count} rows: {chosen:0.00} (shipped {shipped:0.00})"));

        // Cross-validation: how the choice fares on rows it was not chosen on.
        var folds = scored.Select((s, i) => (s, Fold: i % 5)).ToList();
        double fit = 0, wrong = 0;
        for (var k = 0; k < 5; k++)
        {
            var tau = Choose(folds.Where(f => f.Fold != k).Select(f => f.s).ToList());
            var test = folds.Where(f => f.Fold == k).Select(f => f.s).ToList();
            var (f1, w1) = Apply(test, tau);
            fit += f1 * test.Count;
            wrong += w1 * test.Count;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fold {k}: threshold {tau:0.00}, held-out fit {f1:P1}, confident-wrong {w1:P1}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cross-validated: fit {fit / scored.Count:P1}, confident-wrong {wrong / scored.Count:P1}"));
        Assert.True(rows.Count >= 200, $"{rows.Count} rows"); // both kinds have enough rows to choose on
        Assert.InRange(shipped, chosen - Step - 1e-9, chosen + Step + 1e-9);
    }

    private static List<(double Coverage, AnswerVerdict Verdict, bool ReferralFits)> Score(IReadOnlyList<AnswerSetRow> rows) =>
        AnswerSets.RunWithoutThreshold(rows).Select(run =>
        {
            var (o, question) = run;
            var refer = question.Referral?.Answer.Payload;
            var answered = question.Decision == QuestionDecision.Answer && question.Best.Answer.Kind is AnswerRef.Faq or AnswerRef.Article;
            return (answered ? question.Best.Coverage : 1.0, o.Verdict, refer is not null && o.Row.Accept.Contains(refer));
        }).ToList();

    private static double Choose(IReadOnlyList<(double Coverage, AnswerVerdict Verdict, bool ReferralFits)> scored)
    {
        var best = (Tau: 0.0, Value: double.MinValue);
        for (var tau = 0.0; tau <= 0.8 + 1e-9; tau += Step)
        {
            var (fit, wrong) = Apply(scored, tau);
            var value = fit - (WrongCost * wrong);
            if (value > best.Value + 1e-12)
            {
                best = (Math.Round(tau, 2), value);
            }
        }

        return best.Tau;
    }

    private static (double Fit, double Wrong) Apply(IReadOnlyList<(double Coverage, AnswerVerdict Verdict, bool ReferralFits)> scored, double tau)
    {
        int fit = 0, wrong = 0;
        foreach (var (coverage, verdict, referralFits) in scored)
        {
            var abstains = coverage < tau && verdict is AnswerVerdict.Fit or AnswerVerdict.ConfidentWrong;
            fit += abstains ? (referralFits ? 1 : 0) : verdict == AnswerVerdict.Fit ? 1 : 0;
            wrong += !abstains && verdict == AnswerVerdict.ConfidentWrong ? 1 : 0;
        }

        return (fit / (double)scored.Count, wrong / (double)scored.Count);
    }
}
