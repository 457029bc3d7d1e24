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
public sealed class ReplyReport(IReadOnlyList<ReplyOutcome> outcomes, IReadOnlyList<ReplySetRow> noPath)
{
    public IReadOnlyList<ReplyOutcome> Outcomes { get; } = outcomes;

    /// <summary>Rows at prompts the path file cannot reach (e.g. one shown only to a registered resident): not judged.</summary>
    public IReadOnlyList<ReplySetRow> NoPath { get; } = noPath;

    public ReplyFigures Overall => ReplyFigures.Of([.. Outcomes]);

    public string Format(bool listMisses = true)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"overall  {Overall}");
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"wrong rows answered with an entry the row does not list (some may serve; a person judges): {Outcomes.Count(o => o.Verdict == ReplyVerdict.Wrong && o.Did.StartsWith("answered", StringComparison.Ordinal))}");
        if (NoPath.Count > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"not judged: {NoPath.Count} rows at prompts with no path ({string.Join(", ", NoPath.Select(r => r.Prompt).Distinct(StringComparer.Ordinal))})");
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
