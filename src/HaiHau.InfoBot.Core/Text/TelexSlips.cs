namespace HaiHau.InfoBot.Core.Text;

/// <summary>
/// Words typed with the Telex keys left in, as happens when a phone's Vietnamese keyboard is off or slips: «coos» (có),
/// «khoong» (không), «ddc» (đc), «vieec lamf» (việc làm), «yeen ddinhj» (Yên Định). Folded Vietnamese has no doubled
/// vowel, no «dd», no «w», and no word ending in a tone key (s, f, r, x, j), so a folded word showing them is repaired
/// to the word meant. A short list of foreign words that end so («yes», «bus», «max») is left alone.
/// </summary>
internal static class TelexSlips
{
    private static readonly HashSet<string> Foreign = new(StringComparer.Ordinal)
    {
        "yes", "bus", "plus", "gas", "max", "mix", "box", "tax", "fax", "sex", "los", "ios", "mas", "las", "hex", "lux", "tox", "bar", "car", "star",
        "show", "how", "now", "low", "flow", "download", "law", "raw",
    };

    // What may end a Vietnamese syllable before its tone key: nothing, or these consonants.
    private static readonly string[] Finals = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

    /// <summary>The folded word as meant; the word itself when it shows no Telex key.</summary>
    public static string Repair(string word)
    {
        if (word.Length < 3 || !word.All(char.IsAsciiLetterLower) || Foreign.Contains(word))
        {
            return word;
        }

        // Vietnamese has no «w»: after u, o or a it is the Telex key of ư, ơ, ă («dduwowcj» is «được», «nguwowif» «người»).
        var repaired = word.Replace("dd", "d", StringComparison.Ordinal).Replace("aa", "a", StringComparison.Ordinal)
            .Replace("ee", "e", StringComparison.Ordinal).Replace("oo", "o", StringComparison.Ordinal)
            .Replace("uw", "u", StringComparison.Ordinal).Replace("ow", "o", StringComparison.Ordinal).Replace("aw", "a", StringComparison.Ordinal);
        if (repaired.Length >= 2 && repaired[^1] is 's' or 'f' or 'r' or 'x' or 'j' && IsSyllable(repaired[..^1]))
        {
            repaired = repaired[..^1];
        }

        return repaired;
    }

    private static bool IsSyllable(string stem)
    {
        var lastVowel = stem.LastIndexOfAny(['a', 'e', 'i', 'o', 'u', 'y']);
        return lastVowel >= 0 && Finals.Contains(stem[(lastVowel + 1)..], StringComparer.Ordinal);
    }
}
