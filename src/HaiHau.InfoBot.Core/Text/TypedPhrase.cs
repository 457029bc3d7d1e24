namespace HaiHau.InfoBot.Core.Text;

/// <summary>
/// A phrase in the words a resident typed: each word as written in it, or typed without any marks («lop»), never with
/// other marks («lợp» is no «lớp», «nhận» no «nhắn»). Folded, those would be the same word.
/// </summary>
internal static class TypedPhrase
{
    /// <summary>Whether the phrase's words stand in <paramref name="typed"/> from <paramref name="at"/> on.</summary>
    public static bool StartsAt(IReadOnlyList<string> typed, int at, IReadOnlyList<string> phrase)
    {
        if (at < 0 || at + phrase.Count > typed.Count)
        {
            return false;
        }

        for (var i = 0; i < phrase.Count; i++)
        {
            if (typed[at + i] != phrase[i] && typed[at + i] != VietnameseText.Fold(phrase[i]))
            {
                return false;
            }
        }

        return true;
    }
}
