using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Content;

/// <summary>
/// Finds the commune a resident names in free text: "hai chau", "TT Yên Định", "nhà cháu ở xã Hải Châu ạ".
/// Names match whole words only ("Hải An" is not found in "Hải Anh"); a text naming two communes is no answer.
/// A one-syllable name (Cồn) counts only alone or after "thị trấn"/"TT", because "con" is also an everyday word:
/// "con tôi ở Hải Châu" is Hải Châu.
/// </summary>
public static class CommuneMatcher
{
    public static Commune? Match(IContentStore content, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (content.FindCommune(text) is { } exact)
        {
            return exact;
        }

        var folded = " " + VietnameseText.Fold(text.Replace('-', ' ')) + " ";
        var found = content.Communes.Where(commune =>
        {
            var name = VietnameseText.Fold(commune.ShortName);
            return name.Contains(' ', StringComparison.Ordinal)
                ? folded.Contains(" " + name + " ", StringComparison.Ordinal)
                : folded.Contains(" thi tran " + name + " ", StringComparison.Ordinal) || folded.Contains(" tt " + name + " ", StringComparison.Ordinal);
        }).Take(2).ToList();
        return found.Count == 1 ? found[0] : null;
    }
}
