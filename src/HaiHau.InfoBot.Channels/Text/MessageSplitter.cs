namespace HaiHau.InfoBot.Channels.Text;

/// <summary>
/// Cuts a long text into parts a channel accepts (Telegram 4,096 characters, Zalo 2,000): at a paragraph if one
/// fits, else at a sentence, else at a line, else between words — never inside a word unless a single word is
/// longer than the limit.
/// </summary>
public static class MessageSplitter
{
    private static readonly string[] Boundaries = ["\n\n", ". ", "? ", "! ", "\n", " "];

    public static IReadOnlyList<string> Split(string text, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 20);
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > limit)
        {
            var cut = FindCut(rest, limit);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static int FindCut(string text, int limit)
    {
        foreach (var boundary in Boundaries)
        {
            // The last boundary that keeps the part within the limit; keep the sentence's own punctuation.
            var at = text.LastIndexOf(boundary, limit - 1, limit, StringComparison.Ordinal);
            if (at > limit / 4)
            {
                return boundary is ". " or "? " or "! " ? at + 1 : at;
            }
        }

        return limit; // one word longer than the limit: nothing better exists
    }
}
