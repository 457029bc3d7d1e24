namespace HaiHau.InfoBot.Core.Understanding.Evaluation;

/// <summary>What a typed reply to a dialog's prompt means, as a careful officer would read it.</summary>
public enum ReplyIntent
{
    /// <summary>The buttons or values of <see cref="ReplySetRow.Means"/>, pressed or typed in turn.</summary>
    Steps,

    /// <summary>No one button or value can be read from it: asking again is right.</summary>
    Unclear,

    /// <summary>The resident asks something else or leaves the prompt: answering that is right, taking a button is not.</summary>
    Question,
}

/// <summary>One step of a reply's meaning: a button by the label the resident sees, or a value typed plainly.</summary>
public sealed record ReplyStep(bool IsButton, string Value)
{
    public override string ToString() => (IsButton ? "button:" : "text:") + Value;
}

/// <summary>
/// One row of a reply evaluation file (tests/…/Replies/replyset.tsv): a reply typed at a dialog's prompt
/// (<c>dialog/node</c>) and what it means; <see cref="Also"/>, answers that serve the resident as well (a reply that is
/// a whole question, «nhà cận nghèo muốn vay nuôi lợn», is well answered by the entry on such loans), as in answer sets.
/// </summary>
public sealed record ReplySetRow(string Id, string Prompt, string Reply, ReplyIntent Intent, IReadOnlyList<ReplyStep> Means, int Line)
{
    public IReadOnlyList<string> Also { get; init; } = [];
}

/// <summary>
/// Reads the reply evaluation format: header <c>id prompt reply means also source note</c>; <c>means</c> is
/// <c>unclear</c>, <c>question</c>, or steps joined with « + », each <c>button:Label</c> or <c>text:value</c>.
/// </summary>
public static class ReplySet
{
    public static IReadOnlyList<ReplySetRow> Parse(IEnumerable<string> lines)
    {
        var rows = new List<ReplySetRow>();
        foreach (var (number, cell) in TabFile.Rows(lines, ["id", "prompt", "reply", "means"]))
        {
            var means = cell("means");
            if (cell("prompt").Length == 0 || cell("reply").Length == 0 || means.Length == 0)
            {
                throw new FormatException($"line {number}: a row needs a prompt, a reply and what it means");
            }

            var intent = means switch
            {
                "unclear" => ReplyIntent.Unclear,
                "question" => ReplyIntent.Question,
                _ => ReplyIntent.Steps,
            };
            var steps = intent == ReplyIntent.Steps ? ParseSteps(means, number) : [];
            rows.Add(new ReplySetRow(cell("id"), cell("prompt"), cell("reply"), intent, steps, number)
            {
                Also = cell("also").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            });
        }

        return rows;
    }

    private static List<ReplyStep> ParseSteps(string means, int number)
    {
        var steps = new List<ReplyStep>();
        foreach (var part in means.Split(" + ", StringSplitOptions.TrimEntries))
        {
            steps.Add(part switch
            {
                _ when part.StartsWith("button:", StringComparison.Ordinal) && part.Length > 7 => new ReplyStep(true, part[7..].Trim()),
                _ when part.StartsWith("text:", StringComparison.Ordinal) && part.Length > 5 => new ReplyStep(false, part[5..].Trim()),
                _ => throw new FormatException($"line {number}: «{part}» is not «button:…», «text:…», «unclear» or «question»"),
            });
        }

        return steps;
    }
}

/// <summary>
/// How to reach each prompt from a fresh conversation (tests/…/Replies/reply-paths.tsv): header <c>prompt steps</c>,
/// the steps joined with « › », each <c>press:choice-id</c> or a typed text, the first may be <c>registered</c>. The
/// opening (welcome and menu) comes first on its own.
/// </summary>
public static class ReplyPaths
{
    public const string Press = "press:";

    /// <summary>A first step: the conversation is a registered resident's (<see cref="RegisteredInEvaluation"/>).</summary>
    public const string Registered = "registered";

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Parse(IEnumerable<string> lines)
    {
        var paths = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (number, cell) in TabFile.Rows(lines, ["prompt", "steps"]))
        {
            var steps = cell("steps").Split(" › ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (!paths.TryAdd(cell("prompt"), steps))
            {
                throw new FormatException($"line {number}: prompt {cell("prompt")} has a path already");
            }
        }

        return paths;
    }
}
