using System.Globalization;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Core.Understanding.Evaluation;
using HaiHau.InfoBot.TestKit;
using Xunit.Abstractions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// Issue 12 asked for a better signal than coverage for when to answer and when to say "I don't know". The candidate:
/// a logistic model of coverage and similarity (<see cref="AnswerConfidence"/>), its weights fitted on the real set's
/// development rows (ids not a multiple of 5) to the label "the answer the engine gave with no threshold fits", and its
/// threshold chosen there by fit − 3 × confident-wrong (the coverage threshold's rule). It is judged where it was not
/// fitted: on the held-out rows (ids a multiple of 5) against the shipped coverage threshold, by the same measure.
/// On 3 December 2026 it won on the development rows (fit 67.6 % / confident-wrong 3.7 % against 65.3 % / 3.4 %;
/// 5-fold cross-validated 68.4 % / 5.5 %) and lost on the held-out ones (63.0 % / 6.5 % against 65.2 % / 3.3 %), so
/// coverage still decides. This test fails when the model starts to win on the held-out rows too: then adopt it.
/// Figures are simulated from one engine run without a threshold (a row whose answer is withheld counts as fit when
/// the referral named instead is one the row accepts), as the coverage calibration does.
/// </summary>
public sealed class AnswerConfidenceComparisonTests(ITestOutputHelper output)
{
    private const double Step = 0.01;
    private const double WrongCost = 3;

    [Fact]
    public void A_learned_confidence_does_not_yet_beat_coverage_on_held_out_rows()
    {
        var scored = Score(AnswerSets.RealSet());
        var development = scored.Where(s => !HeldOut(s.Id)).ToList();
        var heldOut = scored.Where(s => HeldOut(s.Id)).ToList();

        var weights = Fit(development);
        var chosen = Choose(development, weights);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fitted on {development.Count} development rows: weights [{string.Join(", ", weights.Select(w => w.ToString("0.00", CultureInfo.InvariantCulture)))}] (intercept, coverage, similarity), threshold {chosen:0.00}"));
        var model = Report("model", heldOut, Apply(heldOut, weights, chosen));
        var coverage = Report("coverage", heldOut, ApplyShippedCoverage(heldOut));
        Report("model, development rows", development, Apply(development, weights, chosen));
        Report("coverage, development rows", development, ApplyShippedCoverage(development));

        // Cross-validation on the development rows: weights and threshold chosen on four folds, judged on the fifth.
        double fit = 0, wrong = 0;
        for (var k = 0; k < 5; k++)
        {
            var train = development.Where((_, i) => i % 5 != k).ToList();
            var test = development.Where((_, i) => i % 5 == k).ToList();
            var w = Fit(train);
            var (f, c) = Apply(test, w, Choose(train, w));
            fit += f * test.Count;
            wrong += c * test.Count;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model, 5-fold cross-validated on the development rows: fit {fit / development.Count:P1}, confident-wrong {wrong / development.Count:P1}"));
        Assert.True(model <= coverage, $"the learned confidence now beats coverage on the held-out rows ({model:0.000} > {coverage:0.000}): make it decide");
    }

    [Fact]
    public void The_fit_is_deterministic_and_learns_which_signal_matters()
    {
        // Right answers have high coverage, wrong ones low; the second signal is noise: its weight stays near zero.
        var rows = Enumerable.Range(0, 200)
            .Select(i => ((IReadOnlyList<double>)[i % 2 == 0 ? 0.8 - (i % 7 * 0.05) : 0.2 + (i % 7 * 0.05), i % 3 / 3.0], i % 2 == 0 || i % 11 == 0))
            .ToList();

        var first = LogisticFit.Fit(rows);
        var second = LogisticFit.Fit(rows);

        Assert.Equal(first, second);
        Assert.True(first[1] > 3, $"coverage weight {first[1]}");
        Assert.InRange(first[2], -1, 1);
        Assert.True(LogisticFit.Probability(first, [0.8, 0]) > 0.8 && LogisticFit.Probability(first, [0.2, 0]) < 0.3);
    }

    private static bool HeldOut(string id) => int.Parse(new string(id.Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture) % 5 == 0;

    /// <summary>Writes the figures and returns the measure: fit − 3 × confident-wrong.</summary>
    private double Report(string name, List<Scored> rows, (double Fit, double Wrong) figures)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} ({rows.Count} rows): fit {figures.Fit:P1}, confident-wrong {figures.Wrong:P1} (from one run without a threshold)"));
        return figures.Fit - (WrongCost * figures.Wrong);
    }

    /// <summary>One row: its answer's signals when the engine gave the understood answer (else null), its verdict then, and whether the referral fits.</summary>
    private sealed record Scored(string Id, AnswerConfidence? Confidence, AnswerVerdict Verdict, bool ReferralFits, bool Letter);

    private static List<Scored> Score(IReadOnlyList<AnswerSetRow> rows) =>
        AnswerSets.RunWithoutThreshold(rows).Select(run =>
        {
            var (o, question) = run;
            var refer = question.Referral?.Answer.Payload;
            // Only where the engine showed the understood answer does the threshold decide (not for job searches, the screener…).
            var decides = question.Decision == QuestionDecision.Answer && question.Confidence is not null
                && o.Given.Count > 0 && o.Given[0] == question.Best.Answer.Payload;
            return new Scored(o.Row.Id, decides ? question.Confidence : null, o.Verdict, refer is not null && o.Row.Accept.Contains(refer),
                EngineHarness.Repo.Questions.IsLetter(o.Row.Question));
        }).ToList();

    private static double[] Fit(IReadOnlyList<Scored> rows) => LogisticFit.Fit(rows
        .Where(r => r.Confidence is not null && r.Verdict is AnswerVerdict.Fit or AnswerVerdict.ConfidentWrong)
        .Select(r => (r.Confidence!.Signals, r.Verdict == AnswerVerdict.Fit))
        .ToList());

    private static double Choose(IReadOnlyList<Scored> rows, IReadOnlyList<double> weights)
    {
        var best = (Tau: 0.0, Value: double.MinValue);
        for (var tau = 0.0; tau <= 0.99 + 1e-9; tau += Step)
        {
            var (fit, wrong) = Apply(rows, weights, tau);
            var value = fit - (WrongCost * wrong);
            if (value > best.Value + 1e-12)
            {
                best = (Math.Round(tau, 2), value);
            }
        }

        return best.Tau;
    }

    private static (double Fit, double Wrong) Apply(IReadOnlyList<Scored> rows, IReadOnlyList<double> weights, double tau) =>
        Count(rows, (_, c) => LogisticFit.Probability(weights, c.Signals) < tau);

    // The shipped rule: a chat message against DefaultMinCoverage, a letter against DefaultMinLetterCoverage.
    private static (double Fit, double Wrong) ApplyShippedCoverage(IReadOnlyList<Scored> rows) =>
        Count(rows, (r, c) => c.Coverage < (r.Letter ? QuestionUnderstanding.DefaultMinLetterCoverage : QuestionUnderstanding.DefaultMinCoverage));

    private static (double Fit, double Wrong) Count(IReadOnlyList<Scored> rows, Func<Scored, AnswerConfidence, bool> abstains)
    {
        int fit = 0, wrong = 0;
        foreach (var row in rows)
        {
            var abstain = row.Confidence is { } c && abstains(row, c) && row.Verdict is AnswerVerdict.Fit or AnswerVerdict.ConfidentWrong;
            fit += abstain ? (row.ReferralFits ? 1 : 0) : row.Verdict == AnswerVerdict.Fit ? 1 : 0;
            wrong += !abstain && row.Verdict == AnswerVerdict.ConfidentWrong ? 1 : 0;
        }

        return (fit / (double)rows.Count, wrong / (double)rows.Count);
    }
}
