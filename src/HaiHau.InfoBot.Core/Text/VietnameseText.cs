using System.Globalization;
using System.Text;

namespace HaiHau.InfoBot.Core.Text;

/// <summary>
/// Folding of Vietnamese as residents type it: with or without diacritics, any case, stray spaces.
/// Matching always compares folded forms, so "Bảo hiểm y tế", "bao hiem y te" and "BẢO HIỂM Y TẾ" are equal.
/// </summary>
public static class VietnameseText
{
    /// <summary>NFC, trimmed, control characters removed (newlines kept), runs of spaces collapsed.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var normalised = text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(normalised.Length);
        var lastWasSpace = false;
        foreach (var ch in normalised)
        {
            if (ch == '\n')
            {
                TrimEndSpaces(sb);
                sb.Append('\n');
                lastWasSpace = true;
                continue;
            }

            // Control and format characters (zero-width, bidi overrides) are noise from copy-paste, never meaning.
            var category = char.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                continue;
            }

            if (char.IsWhiteSpace(ch))
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            sb.Append(ch);
            lastWasSpace = false;
        }

        return sb.ToString().Trim();
    }

    /// <summary>Lower case without diacritics, đ → d, punctuation turned into single spaces.</summary>
    public static string Fold(string? text) => Words(text, keepMarks: false);

    /// <summary>How many words, separated by spaces, a message has: how short replies and follow-ups are told apart.</summary>
    public static int WordCount(string? text) => (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>
    /// <see cref="Fold"/>'s words with their diacritics kept (lower case, NFC): the same word boundaries, so the n-th word
    /// here is the n-th word there. Needed where the marks are the meaning: "thuộc" (belongs) and "thuốc" (medicine) fold
    /// to one word.
    /// </summary>
    public static string FoldKeepingMarks(string? text) => Words(text, keepMarks: true);

    private static string Words(string? text, bool keepMarks)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var raw in decomposed)
        {
            // A mark belongs to the letter before it (kept only when asked); one with no letter before it is dropped.
            if (CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark)
            {
                if (keepMarks && !lastWasSpace)
                {
                    sb.Append(raw);
                }

                continue;
            }

            var ch = raw switch
            {
                'đ' or 'Đ' when !keepMarks => 'd',
                _ => char.ToLowerInvariant(raw),
            };

            if (char.IsLetterOrDigit(ch) || ch == '/')
            {
                sb.Append(ch);
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                sb.Append(' ');
                lastWasSpace = true;
            }
        }

        var words = sb.ToString().TrimEnd();
        return keepMarks ? words.Normalize(NormalizationForm.FormC) : RepairSlips(words);
    }

    /// <summary>Folded words typed with their Telex keys left in, as meant (<see cref="TelexSlips"/>).</summary>
    private static string RepairSlips(string folded)
    {
        if (!folded.Contains("dd", StringComparison.Ordinal) && !folded.Contains("aa", StringComparison.Ordinal) && !folded.Contains("ee", StringComparison.Ordinal)
            && !folded.Contains("oo", StringComparison.Ordinal) && !folded.Contains('w', StringComparison.Ordinal) && !folded.Split(' ').Any(w => w.Length >= 3 && w[^1] is 's' or 'f' or 'r' or 'x' or 'j'))
        {
            return folded; // nothing to repair: most text
        }

        return string.Join(' ', folded.Split(' ').Select(TelexSlips.Repair));
    }

    /// <summary>True when the text has at least one letter or digit (emoji-only and punctuation-only are not).</summary>
    public static bool HasWords(string? text) => Fold(text).Length > 0;

    private static void TrimEndSpaces(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }
    }
}
