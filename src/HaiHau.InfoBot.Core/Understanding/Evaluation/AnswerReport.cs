using System.Globalization;
using System.Text;

namespace HaiHau.InfoBot.Core.Understanding.Evaluation;

/// <summary>
/// The figures of an answer evaluation, overall and per topic (the topic of a row's first accepted answer): fit,
/// asked back, referred or abstained, confident-wrong; the confusion between the expected topic and the topic of the
/// answer shown; and every row that did not fit, for whoever writes the next FAQ entry.
/// </summary>
public sealed class AnswerReport
{
    /// <summary>The pseudo-topic of referral answers (refer:…), so referrals get their own line.</summary>
    public const string ReferralTopic = "referral";

    private readonly Func<string, string> _topicOf;

    /// <param name="outcomes">The judged rows.</param>
    /// <param name="topicOf">The topic of an answer id (faq:…, article:…, topic:…, screener, listings:…, refer:…).</param>
    public AnswerReport(IReadOnlyList<AnswerOutcome> outcomes, Func<string, string> topicOf)
    {
        Outcomes = outcomes;
        _topicOf = topicOf;
    }

    public IReadOnlyList<AnswerOutcome> Outcomes { get; }

    public Figures Overall => Figures.Of(Outcomes);

    /// <summary>
    /// The share of rows whose asker has a helpful answer at most one tap away: answered with an accepted entry, or
    /// referred or asked back with an accepted answer among the buttons. Fit is the target; this says what a referral
    /// or a question back still gives.
    /// </summary>
    public double FitOrOneTapShare => Share(Outcomes.Count(o => o.Verdict == AnswerVerdict.Fit || o.SuggestedRight), Outcomes.Count);

    public IReadOnlyDictionary<string, Figures> ByTopic => Outcomes
        .GroupBy(o => ExpectedTopic(o), StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => Figures.Of(g.ToList()), StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Figures> ByKind => Outcomes
        .GroupBy(o => o.Row.Kind.Length == 0 ? "-" : o.Row.Kind, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => Figures.Of(g.ToList()), StringComparer.Ordinal);

    public string ExpectedTopic(AnswerOutcome outcome) => _topicOf(outcome.Row.Accept[0]);

    public string ShownTopic(AnswerOutcome outcome) => outcome.Verdict switch
    {
        AnswerVerdict.Asked when outcome.Given.Count == 0 => "(ask)",
        _ when outcome.Given.Count == 0 => "(none)",
        _ => _topicOf(outcome.Given[0]),
    };

    public string Format(bool listMisses = true)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"overall  {Overall}");
        var referred = Outcomes.Where(o => o.Verdict == AnswerVerdict.Referred).ToList();
        var suggesting = referred.Where(o => o.Suggested.Count > 0).ToList();
        var asked = Outcomes.Where(o => o.Verdict == AnswerVerdict.Asked).ToList();
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"suggested beside a referral: {suggesting.Count} of {referred.Count} referred rows, an accepted entry among the buttons in {referred.Count(o => o.SuggestedRight)} ({Share(referred.Count(o => o.SuggestedRight), Outcomes.Count):P1} of all rows), none accepted in {suggesting.Count(o => !o.SuggestedRight)}; an accepted answer among a question back's buttons in {asked.Count(o => o.SuggestedRight)} of {asked.Count} asked rows; fit or one tap {FitOrOneTapShare:P1}");
        foreach (var (kind, figures) in ByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {kind,-22} {figures}");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"distinct answers given: {Outcomes.Select(o => o.Shown).Distinct(StringComparer.Ordinal).Count()} for {Outcomes.Count} rows");
        sb.AppendLine("per topic (of the first accepted answer):");
        foreach (var (topic, figures) in ByTopic)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {topic,-22} {figures}");
        }

        sb.AppendLine("confusion (expected topic → topic of the answer shown; only rows that did not fit):");
        foreach (var cell in Outcomes.Where(o => o.Verdict != AnswerVerdict.Fit)
            .GroupBy(o => $"{ExpectedTopic(o)} → {ShownTopic(o)}", StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {cell.Count(),4}  {cell.Key}");
        }

        if (listMisses)
        {
            sb.AppendLine("rows that did not fit (verdict, id, accepted ⇒ given):");
            foreach (var o in Outcomes.Where(o => o.Verdict != AnswerVerdict.Fit))
            {
                var question = o.Row.Question.Length > 140 ? o.Row.Question[..140] + "…" : o.Row.Question;
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"  {Short(o.Verdict)} {o.Row.Id}: {string.Join(' ', o.Row.Accept)} ⇒ {(o.Given.Count == 0 ? o.Shown : string.Join(' ', o.Given))}{(o.Offered.Count > 0 ? " [" + string.Join('|', o.Offered) + "]" : string.Empty)}{(o.Suggested.Count > 0 ? " (suggested " + string.Join(' ', o.Suggested) + (o.SuggestedRight ? ", right)" : ")") : string.Empty)} | {question}");
            }
        }

        return sb.ToString();
    }

    private static double Share(int count, int of) => of == 0 ? 0 : count / (double)of;

    private static string Short(AnswerVerdict verdict) => verdict switch
    {
        AnswerVerdict.ConfidentWrong => "WRONG",
        AnswerVerdict.Asked => "ASKED",
        AnswerVerdict.Referred => "REFER",
        _ => "FIT  ",
    };

    /// <summary>Counts and shares of one group of rows.</summary>
    public sealed record Figures(int Rows, int Fit, int Asked, int Referred, int ConfidentWrong)
    {
        public double FitShare => Share(Fit);

        public double ConfidentWrongShare => Share(ConfidentWrong);

        public double ReferredShare => Share(Referred);

        public double AskedShare => Share(Asked);

        public static Figures Of(IReadOnlyCollection<AnswerOutcome> outcomes) => new(
            outcomes.Count,
            outcomes.Count(o => o.Verdict == AnswerVerdict.Fit),
            outcomes.Count(o => o.Verdict == AnswerVerdict.Asked),
            outcomes.Count(o => o.Verdict == AnswerVerdict.Referred),
            outcomes.Count(o => o.Verdict == AnswerVerdict.ConfidentWrong));

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"n={Rows,4}  fit {FitShare,6:P1}  confident-wrong {ConfidentWrongShare,6:P1}  referred/abstained {ReferredShare,6:P1}  asked {AskedShare,6:P1}");

        private double Share(int count) => Rows == 0 ? 0 : count / (double)Rows;
    }
}
