using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// «nhà tôi có phải hộ nghèo không», «làm sao biết nhà mình có được cận nghèo ko»: a message whose question is the
/// household's own standing, asked without its numbers. The programme's commonest question had no entry of its own
/// (issue 12: the first was answered with «Sao nhà kia được hộ nghèo mà nhà tôi không?», the second referred), and
/// what answers it is who decides and where the list is, today's line, and the screener.
/// </summary>
/// <remarks>
/// The standing must end the message («… có được hộ nghèo không»), so «nhà tôi là hộ nghèo, có được vay không», which
/// tells the standing and asks about a loan, is not one. Letters are left to the answer search: their question is
/// somewhere in a story, and they hardly ask this without telling their income.
/// </remarks>
internal static partial class StandingQuestion
{
    // Folded words as VietnameseText.Fold writes them: «có (phải|được|thuộc|là|được xét|được tính…) [là|vào] [hộ]
    // (cận nghèo|nghèo) [hay (cận nghèo|nghèo)]» and the question's closing word, then only particles and whom it is said
    // to («… không hả cháu»: an older resident's «có được tính cận nghèo không hả cháu» got the entry on owning a motorbike).
    [GeneratedRegex(
        @"\b(?:phai|duoc|thuoc|la|duoc xet|duoc cong nhan|du dieu kien|du tieu chuan|vao dien|thuoc dien|nam trong dien|duoc tinh|tinh|duoc xep|xep vao|duoc vao)(?: la| vao)?(?: ho)? (?:can ngheo|ngheo)"
        + @"(?: hay(?: ho)? (?:can ngheo|ngheo))? (?:khong|ko|k|kg|hong|khum|chua|ha)(?: (?:a|ah|ha|vay|nhi|nhe|ad|ban|chi|anh|em|chau|bac|chu|oi))*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Standing();

    /// <summary>
    /// How much of the message an FAQ entry must cover to answer a standing question that names a circumstance
    /// («nhà có xe máy …», «tôi ở trọ …»): the entry on that circumstance, not the general reply.
    /// </summary>
    public const double CircumstanceCoverage = 0.8;

    // Words that tell whose standing and how it is asked, not a circumstance: «nhà tôi», «làm sao biết gia đình mình».
    private static readonly HashSet<string> OwnWords = new(StringComparer.Ordinal)
    {
        "nha", "toi", "em", "e", "minh", "chau", "con", "gia", "dinh", "ho", "co", "cho", "hoi", "xin", "lam", "sao", "biet",
        "the", "nao", "vay", "a", "ad", "oi", "ban", "chi", "anh", "bac", "cu", "ong", "ba", "la", "muon", "khong", "ko",
    };

    /// <summary>
    /// Whether the words before the standing tell a circumstance of the household («nhà có xe máy», «tôi ở trọ»), not
    /// only whose standing it is («nhà tôi», «làm sao biết nhà mình»).
    /// </summary>
    public static bool TellsCircumstance(string text)
    {
        var folded = VietnameseText.Fold(text);
        var match = Standing().Match(folded);
        return match.Success && folded[..match.Index].Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => !OwnWords.Contains(w));
    }

    // «nhà tôi nghèo lắm», «gia đình em khó khăn quá ạ»: the household's hardship told, nothing asked.
    [GeneratedRegex(
        @"^(?:(?:da|vang)\s+)?(?:nha|gia dinh|gd)(?:\s+(?:toi|em|e|minh|chau|con|tui|bac|chung toi|chung em))?\s+(?:(?:that|rat|cung|dang)\s+)?(?:ngheo|kho|kho khan|kho khan lam|ngheo kho|thieu thon)"
        + @"(?:\s+(?:lam|qua|that|that su|vo cung|a|ah|nhe|chau|oi|ad|ban|chi|anh|em))*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Hardship();

    /// <summary>
    /// True when the whole message tells the household's hardship and asks nothing («nhà tôi nghèo lắm»): what answers
    /// it is what answers the standing question (who decides, today's line, the estimate). It got the entry on «Sao nhà
    /// kia được hộ nghèo mà nhà tôi không?».
    /// </summary>
    public static bool TellsHardship(string text) => Hardship().IsMatch(VietnameseText.Fold(text).Trim());

    /// <summary>True when <paramref name="text"/>, a chat message and not a letter, asks whether the household is poor or near-poor.</summary>
    public static bool Asks(string text)
    {
        var folded = VietnameseText.Fold(text);
        return folded.Count(c => c == ' ') < QuestionUnderstanding.LetterWords && Standing().IsMatch(folded);
    }
}
