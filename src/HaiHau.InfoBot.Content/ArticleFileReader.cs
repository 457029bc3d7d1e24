using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Content;

/// <summary>
/// Reads an article: YAML front matter between "---" lines, then a Markdown body that becomes chat text.
/// Placeholders are checked on the raw body so problems point at the exact line.
/// </summary>
public static class ArticleFileReader
{
    private static readonly string[] Fields = ["id", "title", "topic", "summary", "keywords", "sources", "general"];

    public static Article? Read(string text, string file, List<ContentProblem> problems, ContentParsers? parsers = null)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            problems.Add(new ContentProblem(new SourceLocation(file, 1, 1), "an article must start with a \"---\" line and YAML front matter"));
            return null;
        }

        var close = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (close < 0)
        {
            problems.Add(new ContentProblem(new SourceLocation(file, 1, 1), "the front matter is not closed by a \"---\" line"));
            return null;
        }

        var frontMatter = string.Join('\n', lines[1..close]);
        if ((parsers ?? ContentParsers.Direct).Yaml(frontMatter, file, problems, lineOffset: 1) is not DataMap map)
        {
            return null;
        }

        var reader = new DataReader(problems);
        reader.OnlyKnownFields(map, "an article's front matter", Fields);
        var id = reader.RequiredString(map, "id", "the article");
        var expectedId = Path.GetFileNameWithoutExtension(file);
        if (id.Length > 0 && id != expectedId)
        {
            reader.Report(map.Get("id")!.Location, $"article id \"{id}\" must match its file name \"{expectedId}\"");
        }

        // Whether the topic exists is checked against topics.yaml once it is read (UnderstandingLoader).
        var topic = reader.RequiredString(map, "topic", $"article \"{id}\"");

        var sources = reader.StringList(map, "sources");
        if (sources.Count == 0)
        {
            reader.Report(map.Location, $"article \"{id}\" must name its sources");
        }

        var bodyLines = lines[(close + 1)..];
        var body = string.Join('\n', bodyLines).Trim();
        if (body.Length == 0)
        {
            problems.Add(new ContentProblem(new SourceLocation(file, close + 2, 1), $"article \"{id}\" has no text"));
        }

        var title = reader.RequiredString(map, "title", $"article \"{id}\"");
        var keywords = reader.StringList(map, "keywords");
        return new Article(
            id,
            title,
            topic,
            reader.RequiredString(map, "summary", $"article \"{id}\""),
            keywords,
            sources,
            (parsers ?? ContentParsers.Direct).Markdown(body, file),
            new SourceLocation(file, close + 2, 1))
        {
            General = reader.OptionalBool(map, "general") ?? false,
        };
    }

    /// <summary>Checks each body line's placeholders against the facts, with its own line number.</summary>
    public static void CheckPlaceholders(string text, string file, IContentStore content, List<ContentProblem> problems)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var close = lines.Length > 0 && lines[0].Trim() == "---" ? Array.FindIndex(lines, 1, l => l.Trim() == "---") : -1;
        for (var i = close + 1; i < lines.Length; i++)
        {
            // Every number a resident reads must come from facts.yaml with its legal basis, never typed in an article.
            var withoutPlaceholders = TextTemplate.Render(lines[i], r => new string(' ', r.Raw.Length));
            var digit = withoutPlaceholders.AsSpan().IndexOfAnyInRange('0', '9');
            if (digit >= 0)
            {
                problems.Add(new ContentProblem(new SourceLocation(file, i + 1, digit + 1),
                    "a number is written directly in the article; put it in content/facts.yaml and write {fact:key}"));
            }

            foreach (var reference in TextTemplate.References(lines[i]))
            {
                var at = new SourceLocation(file, i + 1, reference.Offset + 1);
                if (reference.Kind == "var")
                {
                    problems.Add(new ContentProblem(at, $"{reference.Raw}: articles cannot use answers; only dialogs can"));
                    continue;
                }

                DialogValidator.CheckText(reference.Raw, at, content, problems);
            }
        }
    }
}
