namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// The ask at the end of a story (STYLE.md §4): real questions tell the family's situation first and ask last
/// ("…vậy cho hỏi nhà tôi có được vay vốn không?"). The focus is the last sentence put as a question, from its
/// "cho hỏi" / "xin hỏi" / "vậy" on; empty when the message is a single sentence (then the whole message is the ask).
/// </summary>
public static class QuestionFocus
{
    private static readonly char[] SentenceEnds = ['.', '?', '!', ';', '\n', '/'];

    private static readonly string[][] Markers =
        [["cho", "hoi"], ["xin", "hoi"], ["muon", "hoi"], ["hoi", "la"], ["vay", "thi"], ["vay"], ["nhung"]];

    /// <summary>
    /// Without diacritics «những» (the plural: «những gì», «những ai») is «nhưng» (but): before these it is the plural,
    /// and the ask does not start there («hộ nghèo được hỗ trợ những gì» was read as asking «gì»).
    /// </summary>
    private static readonly HashSet<string> AfterThePlural = new(StringComparer.Ordinal) { "gi", "ai", "nao", "dau", "khoan", "loai", "dieu", "giay", "thu", "nguoi" };

    /// <summary>
    /// Without diacritics "vậy" (so) and "vay" (borrow) are one word: "vay vốn", "vay tiền", "vay nợ", "vay ngân hàng"
    /// is the loan itself, not the start of the ask («Nuôi chim cảnh có được vay vốn không?» is about what is borrowed for);
    /// so is «vay 100tr», «vay bao nhiêu» (how much is borrowed), «vay thêm» (borrowing more).
    /// </summary>
    private static readonly HashSet<string> LoanWords = new(StringComparer.Ordinal) { "von", "tien", "no", "ngan", "them", QuestionNormalizer.NumberToken, "bao" };

    public static IReadOnlyList<string> Of(string text, QuestionNormalizer normalizer, IReadOnlyList<string[]> questionWords)
    {
        var sentences = Sentences(text).Select(s => (Text: s, Tokens: normalizer.Tokens(s))).Where(s => s.Tokens.Count > 0).ToList();
        if (sentences.Count < 2 && !sentences.Any(s => Markers.Any(m => Phrase.IndexOf(s.Tokens, m) > 0)))
        {
            return [];
        }

        bool Asks((string Text, IReadOnlyList<string> Tokens) s) => s.Text.Contains('?', StringComparison.Ordinal) || questionWords.Any(w => Phrase.Contains(s.Tokens, w));
        var asked = sentences.FindLastIndex(s => Asks(s));
        var tokens = asked >= 0 ? sentences[asked].Tokens : sentences[^1].Tokens;
        if (asked > 0 && tokens.Count <= ShortFollowUp && Asks(sentences[asked - 1]))
        {
            // «…thì cần những điều kiện gì? Thủ tục hồ sơ như thế nào?»: a short last question follows up the one before,
            // which names the subject; alone, «thủ tục hồ sơ như thế nào» was covered by any entry on papers.
            tokens = [.. sentences[asked - 1].Tokens, .. tokens];
        }

        foreach (var marker in Markers)
        {
            var at = LastMarker(tokens, marker);
            if (at >= 0 && tokens.Count - at - marker.Length >= 2)
            {
                return tokens.Skip(at + marker.Length).ToList();
            }
        }

        return tokens;
    }

    /// <summary>A last question this short is read with the question before it.</summary>
    private const int ShortFollowUp = 8;

    private static int LastMarker(IReadOnlyList<string> tokens, string[] marker)
    {
        var last = -1;
        for (var at = Phrase.IndexOf(tokens, marker); at >= 0; at = Phrase.IndexOf(tokens, marker, at + 1))
        {
            var loan = marker is ["vay"] && at + 1 < tokens.Count && LoanWords.Contains(tokens[at + 1]);
            var plural = marker is ["nhung"] && at + 1 < tokens.Count && AfterThePlural.Contains(tokens[at + 1]);
            last = loan || plural ? last : at;
        }

        return last;
    }

    internal static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            // "1.500.000" is a number, not two sentences: a full stop between digits does not end one.
            if (Array.IndexOf(SentenceEnds, text[i]) >= 0 && !(text[i] == '.' && i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1])))
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
