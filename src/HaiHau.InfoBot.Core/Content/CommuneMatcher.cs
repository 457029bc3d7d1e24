using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Content;

/// <summary>
/// Finds the commune a resident names in free text, by any name of any period: "hai chau", "TT Yên Định",
/// "nhà cháu ở xã Hải Châu ạ" (→ today's xã Hải Thịnh). Names match whole words only ("Hải An" is not found in
/// "Hải Anh"); a text naming units of two different communes is no answer. A one-syllable name (Cồn) counts only
/// alone or after "thị trấn"/"TT", because "con" is also an everyday word: "con tôi ở Hải Châu" is Hải Châu.
/// </summary>
public static class CommuneMatcher
{
    /// <summary>Today's commune named in the text; null when none, two, or a unit whose successor is unknown.</summary>
    public static Commune? Match(IContentStore content, string? text) => Resolve(content, text)?.Current;

    /// <summary>The unit named in the text (any period) and today's commune for it.</summary>
    public static CommuneResolution? Resolve(IContentStore content, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (content.ResolveCommune(text) is { } exact)
        {
            return exact;
        }

        // «haixuan», «haiphong»: the two words of a name typed as one on a phone keyboard.
        var words = VietnameseText.Fold(text.Replace('-', ' ')).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length > 4 && w.StartsWith("hai", StringComparison.Ordinal) && content.ResolveCommune("hai " + w[3..]) is not null ? "hai " + w[3..] : w)
            .ToList();
        var spaced = string.Join(' ', words);
        if (content.ResolveCommune(spaced) is { } glued)
        {
            return glued;
        }

        // «ở Cồn», «nhà tôi ở Cồn ạ»: the name after a word of place (not after «nhà» alone: «nhà con» is no town), or with a
        // courtesy after it.
        var before = words.TakeWhile(w => w is "o" or "tai" or "nha" or "toi" or "bac" or "em" or "xa").ToList();
        var bare = string.Join(' ', words.Skip(before.Count).Reverse().SkipWhile(w => w is "a" or "nhe" or "ah").Reverse());
        if ((before.Count == 0 || before[^1] is "o" or "tai" or "xa") && bare.Length > 0 && bare != spaced && content.ResolveCommune(bare) is { } placed)
        {
            return placed;
        }

        // "huyện Hải Hậu" is the former district, not today's xã Hải Hậu.
        var folded = (" " + spaced + " ").Replace(" huyen hai hau ", " ", StringComparison.Ordinal);
        var typed = TypedWords.Of(text);
        var found = content.Units.Where(unit =>
        {
            var name = VietnameseText.Fold(unit.ShortName);
            return name.Contains(' ', StringComparison.Ordinal)
                ? folded.Contains(" " + name + " ", StringComparison.Ordinal) && typed.MaySay(unit.ShortName)
                : folded.Contains(" thi tran " + name + " ", StringComparison.Ordinal) || folded.Contains(" tt " + name + " ", StringComparison.Ordinal);
        }).Select(u => content.ResolveCommune(u.Code)!).ToList();

        // "Hải Châu, nay là Hải Thịnh" names one commune twice; prefer the former unit (it says more). A former unit of the
        // same name as today's commune («xóm 7 Hải Anh») says no more: it is today's, as the name alone is.
        if (found.Count == 0 && words.Count <= SoundsLikeWords && typed.MaySayHai)
        {
            return SoundsLike(content, folded.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        var communes = found.Select(r => r.Current?.Code ?? "?" + r.Named.Code).Distinct(StringComparer.Ordinal).Count();
        if (communes != 1)
        {
            return null;
        }

        static bool SameName(CommuneResolution r) => r.Current is { } now && VietnameseText.Fold(now.ShortName) == VietnameseText.Fold(r.Named.ShortName);
        return found.FirstOrDefault(r => !r.Named.IsCurrent && !SameName(r)) ?? found.FirstOrDefault(r => r.Named.IsCurrent) ?? found[0];
    }

    /// <summary>A reply of this many words or fewer may name a commune by its sound; a longer text may say «hai» for «two».</summary>
    private const int SoundsLikeWords = 8;

    /// <summary>
    /// «hải ný», «hải nong» (n for l, as Nam Định speaks), «hải chiều» (ch for tr), «hải quan», «hải tiếng» (a final ng
    /// heard by the phone's voice typing): a «Hải …» name whose second word sounds like one unit's, and one only.
    /// </summary>
    private static CommuneResolution? SoundsLike(IContentStore content, string[] words)
    {
        var named = new List<CommuneResolution>();
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (words[i] == "hai")
            {
                var heard = Sound(words[i + 1]);
                named.AddRange(content.Units.Where(u => VietnameseText.Fold(u.ShortName).Split(' ') is ["hai", var second] && Sound(second) == heard)
                    .Select(u => content.ResolveCommune(u.Code)).OfType<CommuneResolution>());
            }
        }

        // One commune of today (or one former unit whose successor is unknown) however many periods bear the name.
        return named.Select(r => r.Current?.Code ?? "?" + r.Named.Code).Distinct(StringComparer.Ordinal).Count() == 1
            ? named.FirstOrDefault(r => r.Named.IsCurrent) ?? named[0]
            : null;
    }

    /// <summary>A folded syllable as the North says and the phone hears it: tr, ch → ch; n, l → l; s, x → x; d, gi, r → d; a final ng → n.</summary>
    private static string Sound(string syllable)
    {
        var s = syllable;
        s = s.StartsWith("tr", StringComparison.Ordinal) ? "ch" + s[2..]
            : s.StartsWith("gi", StringComparison.Ordinal) && s.Length > 2 ? "d" + s[2..]
            : s.StartsWith("ng", StringComparison.Ordinal) || s.StartsWith("nh", StringComparison.Ordinal) ? s
            : s.StartsWith('n') ? "l" + s[1..]
            : s.StartsWith('s') ? "x" + s[1..]
            : s.StartsWith('r') ? "d" + s[1..]
            : s;
        return s.EndsWith("ng", StringComparison.Ordinal) ? s[..^1] : s;
    }
}
