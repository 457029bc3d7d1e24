namespace HaiHau.InfoBot.Core.Text;

/// <summary>
/// A message that asks how to use the assistant itself and nothing else: «làm sao để hỏi», «hỏi thế nào», «bà không biết
/// dùng cái này», «tôi không biết dùng điện thoại nhắn tin», «hướng dẫn sử dụng». Read as questions they found an entry
/// on a word («làm sao» is in «bị chồng đánh phải làm sao»: the domestic-violence entry), a referral, or the question
/// whether to stop the messages («nhắn tin»), where the resident needed to be told that typing a question is enough.
/// </summary>
internal static class HowToAsk
{
    /// <summary>Most words such a message has; more tells a matter.</summary>
    private const int MaxWords = 12;

    // Phrases are written with their marks and match a word typed as written or typed without any marks, never with
    // other marks: «nhận» (receive) is no «nhắn», «đúng» (right) no «dùng». Longest first, so «nhắn tin» is one phrase.
    private static readonly string[][] Using = Split(
        "sử dụng", "nhắn tin", "gửi tin", "gửi câu hỏi", "dùng", "xài", "hỏi", "gõ", "bấm");

    private static readonly string[][] NotKnowingHow = Split(
        "như thế nào", "làm thế nào", "không biết", "chưa biết", "ko biết", "k biết", "hổng biết", "không rành", "làm sao",
        "thế nào", "như nào", "ra sao", "hướng dẫn", "cách", "sao");

    // What may stand around them: who speaks or is spoken to, what is used, and the particles of a spoken sentence.
    private static readonly string[][] Around = Split(
        "điện thoại", "ứng dụng", "trợ lý", "bây giờ", "cái này", "tôi", "tui", "bà", "bác", "ông", "cháu", "em", "e", "anh",
        "chị", "cô", "chú", "mình", "con", "ad", "ơi", "ạ", "à", "nhé", "nha", "với", "thì", "mà", "để", "được", "phải",
        "đây", "này", "cái", "gì", "trang", "máy", "chatbot", "bot", "zalo", "telegram", "ở", "đâu", "vậy", "thế", "giờ",
        "lắm", "quá", "cho", "chỉ", "giúp", "đi", "ai");

    public static bool Is(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var typed = VietnameseText.Clean(text).ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormC)
            .Split([' ', ',', '.', '!', '?', '…'], StringSplitOptions.RemoveEmptyEntries);
        if (typed.Length == 0 || typed.Length > MaxWords)
        {
            return false;
        }

        var (uses, asksHow) = (false, false);
        for (var at = 0; at < typed.Length;)
        {
            if (Match(typed, at, Using) is { } afterUse)
            {
                (uses, at) = (true, afterUse);
            }
            else if (Match(typed, at, NotKnowingHow) is { } afterHow)
            {
                (asksHow, at) = (true, afterHow);
            }
            else if (Match(typed, at, Around) is { } afterAround)
            {
                at = afterAround;
            }
            else
            {
                return false;
            }
        }

        return uses && asksHow;
    }

    /// <summary>Where the first phrase that starts at <paramref name="at"/> ends; null when none does.</summary>
    private static int? Match(string[] typed, int at, string[][] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (TypedPhrase.StartsAt(typed, at, phrase))
            {
                return at + phrase.Length;
            }
        }

        return null;
    }

    private static string[][] Split(params string[] phrases) => [.. phrases.Select(p => p.Split(' '))];
}
