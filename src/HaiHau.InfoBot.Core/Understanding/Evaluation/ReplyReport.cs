using System.Globalization;
using System.Text;

namespace HaiHau.InfoBot.Core.Understanding.Evaluation;

/// <summary>Understood, asked again and wrong shares of a group of replies.</summary>
public sealed record ReplyFigures(int Rows, double Understood, double AskedAgain, double Wrong)
{
    public static ReplyFigures Of(IReadOnlyCollection<ReplyOutcome> outcomes)
    {
        double Share(ReplyVerdict verdict) => outcomes.Count == 0 ? 0 : (double)outcomes.Count(o => o.Verdict == verdict) / outcomes.Count;
        return new ReplyFigures(outcomes.Count, Share(ReplyVerdict.Understood), Share(ReplyVerdict.AskedAgain), Share(ReplyVerdict.Wrong));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n={Rows,4}  understood {Understood,6:P1}  asked again {AskedAgain,6:P1}  wrong {Wrong,6:P1}");
}

/// <summary>
/// The figures of a reply evaluation: overall, per kind of meaning (a button or value, an unclear reply, a question),
/// per dialog, and the rows not understood with what the bot did, for whoever improves the dialogs next.
/// </summary>
public sealed class ReplyReport(IReadOnlyList<ReplyOutcome> outcomes, IReadOnlyList<ReplyNotJudged> notJudged)
{
    public IReadOnlyList<ReplyOutcome> Outcomes { get; } = outcomes;

    /// <summary>Rows not judged: at prompts with no path (the main menu's), or meaning what the dialogs cannot press.</summary>
    public IReadOnlyList<ReplyNotJudged> NotJudged { get; } = notJudged;

    public ReplyFigures Overall => ReplyFigures.Of([.. Outcomes]);

    public string Format(bool listMisses = true)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"overall  {Overall}");
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"wrong rows answered with an entry the row does not list (some may serve; a person judges): {Outcomes.Count(o => o.Verdict == ReplyVerdict.Wrong && o.Did.StartsWith("answered", StringComparison.Ordinal))}");
        foreach (var group in NotJudged.GroupBy(n => n.Why, StringComparer.Ordinal))
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"not judged: {group.Count()} rows, {group.Key} ({string.Join(", ", group.Select(n => n.Why == ReplyEvaluator.NoPath ? n.Row.Prompt : $"line {n.Row.Line}").Distinct(StringComparer.Ordinal))})");
        }

        foreach (var group in Outcomes.GroupBy(o => o.Row.Intent).OrderBy(g => g.Key))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {Kind(group.Key),-22} {ReplyFigures.Of([.. group])}");
        }

        sb.AppendLine("per dialog:");
        foreach (var group in Outcomes.GroupBy(o => o.Row.Prompt.Split('/')[0], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {group.Key,-22} {ReplyFigures.Of([.. group])}");
        }

        if (listMisses)
        {
            sb.AppendLine("not understood (line, prompt, reply, meant → what the bot did):");
            foreach (var o in Outcomes.Where(o => o.Verdict != ReplyVerdict.Understood).OrderBy(o => o.Verdict).ThenBy(o => o.Row.Line))
            {
                var meant = o.Row.Intent switch
                {
                    ReplyIntent.Unclear => "unclear",
                    ReplyIntent.Question => "question",
                    _ => string.Join(" + ", o.Row.Means),
                };
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {(o.Verdict == ReplyVerdict.Wrong ? "WRONG" : "again"),-5} {o.Row.Line,4} {o.Row.Prompt}  «{o.Row.Reply}»  {meant} → {o.Did}");
            }
        }

        return sb.ToString();
    }

    private static string Kind(ReplyIntent intent) => intent switch
    {
        ReplyIntent.Unclear => "unclear (ask again)",
        ReplyIntent.Question => "question (answer it)",
        _ => "button or value",
    };
}
