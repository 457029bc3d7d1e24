using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// «nhà em hộ nghèo ạ», «nhà tôi thuộc diện cận nghèo», «gia đình cháu mới thoát nghèo»: a message that only states the
/// household's category, the way residents begin before asking (or answer a question nobody asked). Read as a question
/// it got whichever entry shared its words most: «nha em ho ngheo a» the entry on reporting a wrongly listed household,
/// «nhà em hộ cận nghèo» the one on being taken off the near-poor list (issue 12 §5). What helps is what that category
/// gets (the entry whose <c>for_household</c> names it).
/// </summary>
/// <remarks>
/// The whole message must be the statement: whose household, an optional «là / thuộc (diện)», the category, then only
/// particles. A category with a question after it («nhà em hộ nghèo có được vay không») is a question, and a category
/// named alone («hộ nghèo») a topic: both are left to the answer search.
/// </remarks>
internal static partial class CategoryStatement
{
    [GeneratedRegex(
        @"^(?:(?:da|vang|u|dung roi|dung)\s+)?(?:nha|gia dinh|gd|ho nha|ho gia dinh)\s+(?:(?:toi|em|e|minh|chau|con|tui|t|bac|chung toi|chung em)\s+)?"
        + @"(?:(?:la|thuoc|dang la|dang thuoc|co so|nam trong|trong danh sach|duoc cong nhan)\s+)?(?:(?:ho|dien)\s+)?(?<category>can ngheo|ngheo|moi thoat ngheo)"
        + @"(?:\s+(?:a|ah|nhe|nha|day|roi|chau|oi|ad|ban|chi|anh|em|co|nua|thoi))*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Statement();

    /// <summary>The category stated (<see cref="ResidentCase.Poor"/>, <see cref="ResidentCase.NearPoor"/> or <see cref="ResidentCase.Escaped"/>), or null.</summary>
    public static string? Of(string? text)
    {
        var folded = VietnameseText.Fold(VietnameseText.Clean(text)).Trim().TrimEnd('.', '!', '?', ' ');
        return Statement().Match(folded) is { Success: true } m
            ? m.Groups["category"].Value switch
            {
                "can ngheo" => ResidentCase.NearPoor,
                "moi thoat ngheo" => ResidentCase.Escaped,
                _ => ResidentCase.Poor,
            }
            : null;
    }
}
