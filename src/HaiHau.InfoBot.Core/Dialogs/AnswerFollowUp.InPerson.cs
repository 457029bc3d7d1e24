using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// Whether a follow-up asks if someone else may do it for the resident («nhờ bố nó đi sửa hộ được không», «em nhờ cô
/// hàng xóm nộp hồ sơ hộ bà được không») or tells that the one concerned cannot go («mẹ em không đi lại được thì sao»,
/// «con tôi không đi được mà phải lên xã mấy lần»). No answer says it: given again, the answer that sends them to the
/// office was read as «yes, go there», which the resident has just said they cannot.
/// </summary>
internal static partial class AnswerFollowUp
{
    /// <remarks>
    /// Asked with how much or what papers («có ai mang tiền đến tận nhà không», «giấy tờ cần những gì để bà nhờ người
    /// làm»), the ask is the matter and the answer may say it: only where to go, or nothing named, or the papers handed
    /// in by another («nhờ cô hàng xóm nộp hồ sơ hộ»), is asked of who goes.
    /// </remarks>
    public static bool AsksToBeDoneForThem(string text)
    {
        var folded = " " + VietnameseText.Fold(text) + " ";
        var ask = AskOf(text);
        var asksWho = ask is FollowUpAsk.None or FollowUpAsk.Place || (ask == FollowUpAsk.Papers && !AsksWhich.Any(w => folded.Contains(w, StringComparison.Ordinal)));
        return asksWho && (ByAnother().IsMatch(folded) || DoneForThem().IsMatch(folded) || CannotGo().IsMatch(folded));
    }

    private static readonly string[] AsksWhich = [" gi ", " j ", " nao ", " ntn "];

    // «nho» typed plain is also «nhỏ» (small, «từ nhỏ», «đứa nhỏ»): «nhờ» only before the person asked to help. Not before
    // «cháu», «ad», «cán bộ»: «nhờ cháu chỉ giúp nộp ở đâu» asks the assistant or the office, as a courtesy, where to go.
    [GeneratedRegex(@" nho (bo|me|con|anh|chi|em|co|chu|bac|ong|ba|vo|chong|nguoi|hang xom) ", RegexOptions.CultureInvariant, PatternLimits.MatchTimeMs)]
    private static partial Regex ByAnother();

    // «nộp hộ», «làm hộ», «đi hộ được không»; not «hồ sơ», «hộ nghèo», «hộ gia đình», which fold to «ho» too.
    [GeneratedRegex(@" (nop|lam|nam|di|linh|nhan|sua|ky|mang) ho (duoc|dc|khong|ko|k|kg|hong|cho|giup|nhe|a|duoc) ", RegexOptions.CultureInvariant, PatternLimits.MatchTimeMs)]
    private static partial Regex DoneForThem();

    // «không đi (lại) được», «đi lại khó», «đi nại khó» (the region's l and n); «vẫn đi lại được» is no such thing.
    [GeneratedRegex(@" (khong|ko|k|kg|chang) (di|di lai|di nai) (duoc|dc|noi) | (di lai|di nai) (kho|khong duoc|ko duoc|k duoc|k dc|ko dc) ", RegexOptions.CultureInvariant, PatternLimits.MatchTimeMs)]
    private static partial Regex CannotGo();
}
