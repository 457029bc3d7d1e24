namespace HaiHau.InfoBot.Core.Text;

/// <summary>
/// A short reply that only takes in what was said: «thế à», «vậy hả cháu», «ừ bà hiểu rồi», «bà nghe rồi», «thế thì
/// thôi», «cháu giỏi quá». Older residents close so after an answer. Read as questions they found entries on a word
/// («vậy hả cháu»: the commune merger, «bà nghe rồi»: training once more, «thế thì thôi»: the card after leaving a job)
/// or a referral, where a person would say «dạ» and wait for the next question.
/// </summary>
internal static class Acknowledgement
{
    /// <summary>Most words such a reply has.</summary>
    private const int MaxWords = 6;

    // Compared as typed, marks and all: folded, «nhà ở» (housing) reads as the particles «nha» and «ờ», «vay» (a loan) as
    // «vậy», «thẻ» (a card) as «thế». A word typed without marks is compared with the plain words below.
    private static readonly HashSet<string> Taking = new(StringComparer.Ordinal)
    {
        "ừ", "ờ", "ừm", "à", "hả", "hở", "vâng", "được", "rồi", "hiểu", "biết", "nghe", "thôi", "giỏi", "thế", "vậy", "zậy",
        "u", "um", "uh", "vang", "ok", "oke", "okie", "oki", "duoc", "roi", "hieu", "biet", "thoi", "gioi",
    };

    // What may stand around them: who speaks or is spoken to, and the particles that close a Vietnamese sentence.
    private static readonly HashSet<string> Around = new(StringComparer.Ordinal)
    {
        "bà", "bác", "tôi", "cháu", "chị", "cô", "chú", "ông", "mình", "thì", "quá", "nhé", "nhá", "nhỉ", "đấy", "là",
        "ạ", "dạ", "đã", "ấy",
        "ba", "bac", "toi", "tui", "chau", "em", "e", "anh", "chi", "co", "chu", "ong", "minh", "con", "thi", "qua", "nhe", "nha",
        "nhi", "day", "ra", "la", "a", "da", "ah", "oh",
        // What was done with the message: «bà gửi rồi đấy», «bác đọc rồi», «cháu xem rồi» (read as a question, «bà gửi rồi
        // đấy» got a referral with the school transfer among its buttons).
        "gửi", "nhắn", "đọc", "xem", "gui", "doc",
    };

    public static bool Is(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var typed = text.ToLowerInvariant().Split([' ', ',', '.', '!', '?', '…'], StringSplitOptions.RemoveEmptyEntries);
        if (typed.Length == 0 || typed.Length > MaxWords)
        {
            return false;
        }

        var takes = false;
        foreach (var typedWord in typed)
        {
            var word = typedWord.Normalize(System.Text.NormalizationForm.FormC);
            if (Taking.Contains(word))
            {
                takes = true;
            }
            else if (!Around.Contains(word))
            {
                return false;
            }
        }

        return takes;
    }
}
