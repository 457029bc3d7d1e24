using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// A follow-up that points back at what was just said: «khoản vay ấy lãi suất bao nhiêu», «trợ cấp đó nhận đến khi con
/// mấy tuổi», «trường hợp đó thời hạn gửi ý kiến là bao lâu». The words pointed at name the answer just given, not a
/// matter of their own; read as their own, «khoản vay» after the clean-water loan found the poor household's loan, and
/// «trường hợp» after the complaint route the entry on a wrong review result.
/// </summary>
internal static partial class AnswerFollowUp
{
    /// <summary>The folded words right before «ấy», «đó» or «này» typed with their marks (without them «do», «nay» are other words).</summary>
    public static HashSet<string> PointedAt(string text)
    {
        var pointed = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in PointingBack().Matches(text))
        {
            var named = match.Groups["named"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // «thế này», «như này», «vậy đó» say "like this", «lúc này», «ngày này» "now": pointing at nothing just said.
            // Compared as typed: folded, «vậy» is also «vay» (the loan of «khoản vay ấy»).
            if (named is [.., var last] && !LikeThis.Contains(last.ToLowerInvariant()))
            {
                pointed.UnionWith(named.Select(VietnameseText.Fold));
                pointed.Add(VietnameseText.Fold(match.Groups["pointer"].Value)); // «đó» folds to «do», a word of its own elsewhere
            }
        }

        return pointed;
    }

    private static readonly HashSet<string> LikeThis = new(StringComparer.Ordinal) { "thế", "như", "vậy", "lúc", "ngày", "bây", "đây" };

    /// <summary>Up to three words before a pointing word, in the same clause.</summary>
    [GeneratedRegex(@"(?<named>(?:\p{L}+ ){1,3})(?<pointer>ấy|đó|này)(?!\p{L})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternLimits.MatchTimeMs)]
    private static partial Regex PointingBack();
}
