using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Content.Understanding;

/// <summary>
/// The data lines of a content file in tab-separated columns under a fixed header (letters.tsv, practice-letters.tsv):
/// each non-empty line after the header with where it is and its fields. A file whose first line is not the header is
/// refused at line 1 and gives no lines.
/// </summary>
internal static class TabSeparatedLines
{
    public static IEnumerable<(SourceLocation At, string[] Fields)> Read(string text, string file, string header, List<ContentProblem> problems)
    {
        var lines = text.Split('\n');
        if (lines[0].TrimEnd('\r') != header)
        {
            problems.Add(new ContentProblem(new SourceLocation(file, 1, 1), $"the first line must be the header \"{header.Replace("\t", "<TAB>", StringComparison.Ordinal)}\""));
            yield break;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length > 0)
            {
                yield return (new SourceLocation(file, i + 1, 1), line.Split('\t'));
            }
        }
    }
}
