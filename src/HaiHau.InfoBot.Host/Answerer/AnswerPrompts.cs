using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Host.Answerer;

/// <summary>
/// The composer's prompt templates, Vietnamese content files reviewed like articles (content/answerer/):
/// <c>he-thong.md</c>, the rules the model is given, and <c>cau-hoi.md</c>, the question with its grounding, whose
/// placeholders are filled here; <c>nguon.md</c>, what every composed answer ends with: its sources, and that a
/// machine composed it from them with only the question sent out. `validate` reports a missing file or placeholder.
/// </summary>
public sealed record AnswerPrompts(string System, string Question, string Sources)
{
    public const string Folder = "answerer";

    public const string SystemFile = "he-thong.md";

    public const string QuestionFile = "cau-hoi.md";

    public const string SourcesFile = "nguon.md";

    /// <summary>The placeholders <see cref="QuestionFile"/> must hold: the entries, today's date, the facts, the question.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["{noi_dung}", "{hom_nay}", "{so_lieu}", "{cau_hoi}"];

    /// <summary>What the model must answer alone on one line when the entries do not answer the question.</summary>
    public const string NotEnough = "KHÔNG_ĐỦ";

    public static AnswerPrompts Load(string contentDirectory)
    {
        var problems = Problems(contentDirectory);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", problems.Select(p => p.ToString())));
        }

        return new AnswerPrompts(Read(contentDirectory, SystemFile), Read(contentDirectory, QuestionFile), Read(contentDirectory, SourcesFile));
    }

    /// <summary>Problems with the templates, as `validate` prints them; empty when they can be used.</summary>
    public static IReadOnlyList<ContentProblem> Problems(string contentDirectory)
    {
        var problems = new List<ContentProblem>();
        foreach (var file in new[] { SystemFile, QuestionFile, SourcesFile })
        {
            var path = Path.Combine(contentDirectory, Folder, file);
            if (!File.Exists(path) || File.ReadAllText(path).Trim().Length == 0)
            {
                problems.Add(Problem(file, "missing or empty (a prompt template of the answerer)"));
            }
        }

        if (problems.Count == 0)
        {
            var question = Read(contentDirectory, QuestionFile);
            problems.AddRange(Placeholders.Where(p => !question.Contains(p, StringComparison.Ordinal)).Select(p => Problem(QuestionFile, $"placeholder {p} is missing")));
            if (!Read(contentDirectory, SourcesFile).Contains("{nguon}", StringComparison.Ordinal))
            {
                problems.Add(Problem(SourcesFile, "placeholder {nguon} is missing"));
            }

            if (!Read(contentDirectory, SystemFile).Contains(NotEnough, StringComparison.Ordinal))
            {
                problems.Add(Problem(SystemFile, $"must tell the model to answer {NotEnough} when the entries do not answer"));
            }
        }

        return problems;
    }

    private static ContentProblem Problem(string file, string message) => new(new SourceLocation($"content/{Folder}/{file}", 1, 1), message);

    public string Fill(string entries, string today, string facts, string question) => Question
        .Replace("{noi_dung}", entries, StringComparison.Ordinal)
        .Replace("{hom_nay}", today, StringComparison.Ordinal)
        .Replace("{so_lieu}", facts, StringComparison.Ordinal)
        .Replace("{cau_hoi}", question, StringComparison.Ordinal);

    /// <summary>The end of a composed answer: its sources, named.</summary>
    public string SourcesLine(IEnumerable<string> sources) => Sources.Replace("{nguon}", string.Join("; ", sources), StringComparison.Ordinal);

    private static string Read(string contentDirectory, string file) =>
        File.ReadAllText(Path.Combine(contentDirectory, Folder, file)).Trim();
}
