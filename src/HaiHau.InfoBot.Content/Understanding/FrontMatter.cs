using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Content.Understanding;

/// <summary>Splits "---\nYAML\n---\nMarkdown" into the parsed front matter and the body, with the body's first line number.</summary>
public static class FrontMatter
{
    public static (DataMap Map, string Body, int BodyLine)? Split(string text, string file, List<ContentProblem> problems, ContentParsers? parsers = null)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            problems.Add(new ContentProblem(new SourceLocation(file, 1, 1), "the file must start with a \"---\" line and YAML front matter"));
            return null;
        }

        var close = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (close < 0)
        {
            problems.Add(new ContentProblem(new SourceLocation(file, 1, 1), "the front matter is not closed by a \"---\" line"));
            return null;
        }

        var before = problems.Count;
        if ((parsers ?? ContentParsers.Direct).Yaml(string.Join('\n', lines[1..close]), file, problems, lineOffset: 1) is not DataMap map)
        {
            if (problems.Count == before)
            {
                problems.Add(new ContentProblem(new SourceLocation(file, 2, 1), "the front matter must be a mapping (key: value)"));
            }

            return null;
        }

        return (map, string.Join('\n', lines[(close + 1)..]).Trim(), close + 2);
    }
}
