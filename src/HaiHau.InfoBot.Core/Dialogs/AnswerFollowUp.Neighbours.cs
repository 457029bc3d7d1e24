using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// Whether a follow-up complains that another household got what the resident did not («sao nhà hàng xóm được mà nhà em
/// thiệt hại nặng hơn lại không được», «sao hàng xóm được mà nhà tôi không»). After the storm damage or the electricity
/// support, it is about that support, and the answer does not say why one house got it: read alone, it found the entry
/// on why a neighbour is on the poverty list, another matter.
/// </summary>
internal static partial class AnswerFollowUp
{
    public static bool ComparesWithNeighbours(string text) => Neighbours().IsMatch(" " + VietnameseText.Fold(text) + " ");

    // Another household got it («được», «dc»), then «mà», then «không», «chưa» or «lại không»: got, but not us.
    [GeneratedRegex(@" (?:hang xom|nha ben|nha kia|nha khac|nguoi ta) (?:.* )?(?:duoc|dc) (?:.* )?ma (?:.* )?(?:khong|ko|k|kg|chua) ", RegexOptions.CultureInvariant, PatternLimits.MatchTimeMs)]
    private static partial Regex Neighbours();
}
