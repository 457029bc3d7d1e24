using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Content.Understanding;

/// <summary>
/// Reads content/understanding/practice-letters.tsv: messages written for an entry in the ways residents ask, one a line,
/// <code>
/// entry&lt;TAB&gt;voice&lt;TAB&gt;message
/// faq:bhyt-cap-cuu&lt;TAB&gt;letter&lt;TAB&gt;Bố tôi 70 tuổi bị ngã…, xin hỏi…
/// </code>
/// The entry is an answer's payload (<c>faq:&lt;id&gt;</c> or <c>article:&lt;id&gt;</c>) and must exist; the voice is one of
/// <see cref="Voices"/>. A repeated message is refused (it would weigh twice), as is one labelled with two entries.
/// </summary>
public static class PracticeLettersFileReader
{
    private const string Header = "entry\tvoice\tmessage";

    /// <summary>The ways a message can be written (see the writers' brief in content/understanding/README.md).</summary>
    public static readonly IReadOnlySet<string> Voices = new HashSet<string>(StringComparer.Ordinal)
    {
        "letter", "chat", "retold", "legal", PracticeLetter.ElderlyVoice, "title",
    };

    /// <param name="exists">Whether an answer the bot can give has this payload.</param>
    public static IReadOnlyList<PracticeLetter> Read(string text, string file, Func<AnswerRef, bool> exists, List<ContentProblem> problems)
    {
        var letters = new List<PracticeLetter>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (at, fields) in TabSeparatedLines.Read(text, file, Header, problems))
        {
            if (fields.Length != 3)
            {
                problems.Add(new ContentProblem(at, "a practice letter is \"<faq:id or article:id><TAB><voice><TAB><the message>\""));
                continue;
            }

            var message = fields[2].Trim();
            if (AnswerRef.Parse(fields[0]) is not { Kind: AnswerRef.Faq or AnswerRef.Article } answer || !exists(answer))
            {
                problems.Add(new ContentProblem(at, $"\"{fields[0]}\" is not an FAQ entry or article the bot answers with"));
            }
            else if (!Voices.Contains(fields[1]))
            {
                problems.Add(new ContentProblem(at, $"voice \"{fields[1]}\" is not one of {string.Join(", ", Voices)}"));
            }
            else if (message.Length == 0)
            {
                problems.Add(new ContentProblem(at, "the message is empty"));
            }
            else if (!seen.Add(message))
            {
                problems.Add(new ContentProblem(at, "the same message is already listed (it would weigh twice)"));
            }
            else
            {
                letters.Add(new PracticeLetter(answer, fields[1], message));
            }
        }

        return letters;
    }
}
