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

        // "huyện Hải Hậu" is the former district, not today's xã Hải Hậu.
        var folded = (" " + VietnameseText.Fold(text.Replace('-', ' ')) + " ").Replace(" huyen hai hau ", " ", StringComparison.Ordinal);
        var found = content.Units.Where(unit =>
        {
            var name = VietnameseText.Fold(unit.ShortName);
            return name.Contains(' ', StringComparison.Ordinal)
                ? folded.Contains(" " + name + " ", StringComparison.Ordinal)
                : folded.Contains(" thi tran " + name + " ", StringComparison.Ordinal) || folded.Contains(" tt " + name + " ", StringComparison.Ordinal);
        }).Select(u => content.ResolveCommune(u.Code)!).ToList();

        // "Hải Châu, nay là Hải Thịnh" names one commune twice; prefer the former unit (it says more).
        var communes = found.Select(r => r.Current?.Code ?? "?" + r.Named.Code).Distinct(StringComparer.Ordinal).Count();
        return communes == 1 ? found.OrderBy(r => r.Named.IsCurrent ? 1 : 0).First() : null;
    }
}
