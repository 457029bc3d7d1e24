using System.Globalization;
using System.Text;
using HaiHau.InfoBot.Core.Dialogs;

namespace HaiHau.InfoBot.Core.Understanding.Evaluation;

/// <summary>Why a row whose accepted answer is an FAQ entry or an article was referred instead.</summary>
public enum ReferralCause
{
    /// <summary>The classifier read the message as outside the programme or as an action, so no entry was searched for.</summary>
    Classifier,

    /// <summary>The accepted entry ranked first but covered too little of the message (a long letter's story dilutes it).</summary>
    CoverageOfRightEntry,

    /// <summary>Another entry ranked first and was refused; the accepted one was second or third.</summary>
    RankedTopThree,

    /// <summary>The accepted entry ranked fourth to tenth.</summary>
    RankedLower,

    /// <summary>The accepted entry is not among the ten best: the message and the entry share too few words.</summary>
    Absent,

    /// <summary>The understanding would answer, but the engine referred (another path: a case, listings, two questions).</summary>
    Engine,
}

/// <summary>
/// The diagnosis of one referred row (`eval answers --why`): the cause, where the accepted answer ranked (0: not among
/// the candidates), its coverage and the best candidate's, whether the ask at the end of the letter was found, and the
/// body the letter names (a place it mentions is not a request to be sent there).
/// </summary>
public sealed record RowDiagnosis(
    AnswerOutcome Outcome, ReferralCause Cause, int AcceptedRank, double AcceptedCoverage, AnswerCandidate? Best, string Focus, string? NamedBody, string Missing)
{
    /// <summary>The entry model's first entry and its probability («faq:x 0.42»), beside the search's: where the two readers part.</summary>
    public string ModelFirst { get; init; } = "-";
}

/// <summary>Diagnoses the referred rows of an evaluation: staff see which cause to fix first.</summary>
public static class AnswerDiagnosis
{
    public static IReadOnlyList<RowDiagnosis> Of(IReadOnlyList<AnswerOutcome> outcomes, QuestionUnderstanding understanding) =>
        outcomes.Where(o => o.Verdict == AnswerVerdict.Referred && AcceptsAnAnswer(o.Row))
            .Select(o => Diagnose(o, understanding, QuestionParts.WithoutFollowUpWord(o.Row.Question)))
            .ToList();

    public static string Format(IReadOnlyList<RowDiagnosis> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"why rows labelled with an entry were referred ({rows.Count}):");
        foreach (var group in rows.GroupBy(r => r.Cause).OrderByDescending(g => g.Count()))
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"  {group.Count(),4}  {Name(group.Key)} (the letter names a body in {group.Count(r => r.NamedBody is not null)}; an ask was found in {group.Count(r => r.Focus.Length > 0)})");
        }

        sb.AppendLine("rows (id, cause, rank of the accepted answer, its coverage, the best candidate and its coverage, the entry model's first entry, the ask, the body named):");
        foreach (var r in rows)
        {
            var best = r.Best is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b.Answer.Payload} {b.Coverage:0.00}") : "-";
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"  {r.Outcome.Row.Id} {Name(r.Cause)} rank {(r.AcceptedRank == 0 ? "-" : r.AcceptedRank.ToString(CultureInfo.InvariantCulture))} cov {r.AcceptedCoverage:0.00} | best {best} | model {r.ModelFirst} | ask «{r.Focus}» | body {r.NamedBody ?? "-"} | the accepted entry lacks «{r.Missing}»");
        }

        return sb.ToString();
    }

    private static string Name(ReferralCause cause) => cause switch
    {
        ReferralCause.Classifier => "classifier",
        ReferralCause.CoverageOfRightEntry => "coverage-of-right-entry",
        ReferralCause.RankedTopThree => "other-entry-first(top3)",
        ReferralCause.RankedLower => "other-entry-first(top10)",
        ReferralCause.Absent => "absent",
        _ => "engine",
    };

    private static bool AcceptsAnAnswer(AnswerSetRow row) =>
        row.Accept.Any(a => AnswerRef.Parse(a) is { Kind: AnswerRef.Faq or AnswerRef.Article });

    private static RowDiagnosis Diagnose(AnswerOutcome outcome, QuestionUnderstanding understanding, string text)
    {
        var why = understanding.Explain(text);
        var accepted = outcome.Row.Accept.ToHashSet(StringComparer.Ordinal);
        var rank = 0;
        var coverage = 0.0;
        for (var i = 0; i < why.Candidates.Count; i++)
        {
            if (accepted.Contains(why.Candidates[i].Answer.Payload))
            {
                rank = i + 1;
                coverage = why.Candidates[i].Coverage;
                break;
            }
        }

        var question = why.Question;
        var cause = question.Decision != QuestionDecision.NotUnderstood ? ReferralCause.Engine
            : !question.WeakAnswer ? ReferralCause.Classifier
            : accepted.Contains(question.Best.Answer.Payload) ? ReferralCause.CoverageOfRightEntry
            : rank is > 0 and <= 3 ? ReferralCause.RankedTopThree
            : rank > 0 ? ReferralCause.RankedLower
            : ReferralCause.Absent;
        var best = why.Candidates.FirstOrDefault(c => c.Answer == question.Best.Answer) ?? (why.Candidates.Count > 0 ? why.Candidates[0] : null);
        var asked = why.Focus.Count > 0 ? why.Focus : understanding.Normalizer.Tokens(text);
        var missing = rank > 0
            ? string.Join(' ', understanding.Answers.Uncovered(asked, why.Candidates[rank - 1].Answer, understanding.IsLetter(text)).Take(8)
                .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Word}:{m.Weight:0.0}")))
            : string.Empty;
        var model = understanding.ModelReading(text, 1) is [var (answer, probability)]
            ? string.Create(CultureInfo.InvariantCulture, $"{answer.Payload} {probability:0.00}")
            : "-";
        return new RowDiagnosis(outcome, cause, rank, coverage, best, string.Join(' ', why.Focus), why.NamedBody is { } named ? $"{named.Referral.Id} ({string.Join(", ", named.Subjects)})" : null, missing)
        {
            ModelFirst = model,
        };
    }
}
