using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Content.Understanding;

/// <summary>
/// Reads content/understanding/letters.tsv: letters residents wrote to public Q&amp;A pages, one a line,
/// <code>
/// source&lt;TAB&gt;question
/// https://…&lt;TAB&gt;Tôi năm nay 70 tuổi, …
/// </code>
/// No labels: the bot counts only how common each word is in them. Each keeps its page's address, so anyone can see
/// where the words came from (a letter without one is refused, as is a repeated one, which would count twice).
/// </summary>
public static class LettersFileReader
{
    private const string Header = "source\tquestion";

    public static IReadOnlyList<string> Read(string text, string file, List<ContentProblem> problems)
    {
        var letters = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (at, fields) in TabSeparatedLines.Read(text, file, Header, problems))
        {
            if (fields.Length != 2 || !Uri.TryCreate(fields[0], UriKind.Absolute, out var source) || source.Scheme is not ("https" or "http"))
            {
                problems.Add(new ContentProblem(at, "a letter is \"<its page's http(s) address><TAB><the letter>\""));
                continue;
            }

            var letter = fields[1].Trim();
            if (letter.Length == 0)
            {
                problems.Add(new ContentProblem(at, "the letter is empty"));
            }
            else if (!seen.Add(letter))
            {
                problems.Add(new ContentProblem(at, "the same letter is already listed (it would count twice)"));
            }
            else
            {
                letters.Add(letter);
            }
        }

        return letters;
    }
}
