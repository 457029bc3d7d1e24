using System.Globalization;
using System.Text;

namespace HaiHau.InfoBot.Core.Understanding.Evaluation;

/// <summary>
/// The figures of a follow-up evaluation: the second messages overall, those after a first answer that fit (a
/// follow-up on a wrong answer is read in the wrong context through no fault of its own), per kind, the first
/// messages for reference, and every second message that did not fit.
/// </summary>
public sealed class FollowUpReport(IReadOnlyList<FollowUpOutcome> outcomes)
{
    public IReadOnlyList<FollowUpOutcome> Outcomes { get; } = outcomes;

    /// <summary>The second messages' figures.</summary>
    public AnswerReport.Figures Then => AnswerReport.Figures.Of(Outcomes.Select(o => o.Then).ToList());

    /// <summary>The second messages' figures where the first was answered as its label accepts.</summary>
    public AnswerReport.Figures ThenAfterAFit => AnswerReport.Figures.Of(Outcomes.Where(o => o.First.Verdict == AnswerVerdict.Fit).Select(o => o.Then).ToList());

    public AnswerReport.Figures First => AnswerReport.Figures.Of(Outcomes.Select(o => o.First).ToList());

    public IReadOnlyDictionary<string, AnswerReport.Figures> ByKind => Outcomes
        .GroupBy(o => o.Row.Kind.Length == 0 ? "-" : o.Row.Kind, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => AnswerReport.Figures.Of(g.Select(o => o.Then).ToList()), StringComparer.Ordinal);

    public string Format(bool listMisses = true)
    {
        var sb = new StringBuilder();
        var oneTap = Outcomes.Count(o => o.Then.Verdict == AnswerVerdict.Fit || o.Then.SuggestedRight);
        sb.AppendLine(CultureInfo.InvariantCulture, $"second messages            {Then}  fit or one tap {(Outcomes.Count == 0 ? 0 : oneTap / (double)Outcomes.Count):P1}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  after a first that fit   {ThenAfterAFit}");
        foreach (var (kind, figures) in ByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {kind,-24} {figures}");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"first messages             {First}");
        if (listMisses)
        {
            sb.AppendLine("second messages that did not fit (verdict, id, kind, the first's answer | accepted ⇒ given | first → then):");
            foreach (var o in Outcomes.Where(o => o.Then.Verdict != AnswerVerdict.Fit))
            {
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"  {Short(o.Then.Verdict)} {o.Row.Id} {o.Row.Kind}: {o.First.Shown}{(o.First.Verdict == AnswerVerdict.Fit ? string.Empty : " (not fit)")} | {string.Join(' ', o.Row.AcceptThen)} ⇒ {(o.Then.Given.Count == 0 ? o.Then.Shown : string.Join(' ', o.Then.Given))} | {Cut(o.Row.First)} → {o.Row.Then}");
            }
        }

        return sb.ToString();
    }

    private static string Cut(string text) => text.Length > 80 ? text[..80] + "…" : text;

    private static string Short(AnswerVerdict verdict) => verdict switch
    {
        AnswerVerdict.ConfidentWrong => "WRONG",
        AnswerVerdict.Asked => "ASKED",
        AnswerVerdict.Referred => "REFER",
        _ => "FIT  ",
    };
}
