using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Text;

// Replies as they are said, not only as they are typed for a bot (stop 42, Replies/replyset2.tsv and replyset3.tsv): what
// the letters as typed tell before folding, a reply corrected as it is typed, a parent's answer passed on, reluctance,
// rhetorical no's, putting it off, indifference. Read by Parse in VietnameseYesNo.cs.
public static partial class VietnameseYesNo
{
    // «ứ», «ứ đâu»: Nam Định's no, read with its mark.
    private static readonly Regex NamDinhNo = new(@"^ứ+(?:[\s.,!]|$)", RegexOptions.None, MatchTime);

    // «bố em bảo …», «mẹ cháu nói là …».
    private static readonly Regex ParentSaid = new(
        @"^(?:da |vang )?(?:bo|me|ba|ong|chong|vo|con|chau|ba noi|ong noi|ba ngoai|ong ngoai)(?: (?:em|chau|toi|bac|con|minh|no))? (?:bao|noi|dan)(?: la)? (?=\S)",
        RegexOptions.None, MatchTime);

    // «gửi thì gửi», «đếm thì cứ đếm».
    private static readonly Regex SaidTwice = new(@"^(?:da |u |thoi )?(\w+(?: \w+)?) thi (?:cu |cung )?\1(?: |$)", RegexOptions.None, MatchTime);

    // «… cháu cứ tính», «cứ gửi».
    private static readonly Regex GoOnThen = new(@"(?:^| )(?:chau )?cu (?:gui|tinh|dem|luu|ghi)(?: |$)", RegexOptions.None, MatchTime);

    /// <summary>
    /// The reply after its polite «dạ»: as typed when a space follows it (its marks kept for the rules read before folding),
    /// else folded («Dạ.ok»); always shorter than the reply, so reading it again ends.
    /// </summary>
    private static string AfterDa(string typed, string folded) =>
        typed.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space ? typed[(space + 1)..] : folded[3..];

    /// <summary>
    /// What only the letters as typed tell, before folding: «ứ» (Nam Định's no; folded it is «ừ», a yes), «đừng xóa»
    /// («đừng» folds to «dung» like «đúng»), a reply corrected as it is typed («có… à không, chưa»: what follows «à» counts),
    /// and a question repeated back before its answer («có dùng nước sạch không à? có»).
    /// </summary>
    private static YesNoAnswer? Spoken(string lower)
    {
        if (lower.Length == 0)
        {
            return null;
        }

        if (NamDinhNo.IsMatch(lower) || lower.StartsWith("đừng ", StringComparison.Ordinal)
            || (lower.Contains(" đừng ", StringComparison.Ordinal) && lower.StartsWith("thôi ", StringComparison.Ordinal))
            || lower.StartsWith("đâu có ", StringComparison.Ordinal) || lower.TrimEnd(' ', '.', '!').EndsWith("có đâu", StringComparison.Ordinal))
        {
            return lower.Contains('?', StringComparison.Ordinal) ? null : YesNoAnswer.No;
        }

        if (AfterCorrection(lower) is { } correction && Parse(correction) is { } after)
        {
            return after;
        }

        var asked = lower.LastIndexOf('?');
        var tail = asked >= 0 ? lower[(asked + 1)..].Trim(' ', '.', '!', ',') : string.Empty;
        return tail.Any(char.IsLetter) && VietnameseText.WordCount(tail) <= ShortReplyWords && !EndsAsQuestion(tail) ? Parse(tail) : null;
    }

    // A property, not a field: the regexes of both files of this class use it, and fields across files start in no set order.
    private static TimeSpan MatchTime => PatternLimits.MatchTime;

    private static readonly Regex Correction = new(
        @"(?:(?:…|\.{2,}|,)\s*(?:à|a)|(?<!\w)à|ấy chết|ay chet)\s+(?:mà\s+|ma\s+|nhầm\s+|nham\s+)?(?=\S)", RegexOptions.None, MatchTime);

    /// <summary>
    /// What a reply says after it corrects itself, «… à không, …», «… à mà …», «ấy chết …»; null when it does not. The marks
    /// matter: «à» with its accent, or «a» after «…» or a comma («co... a thoi khong»), since a bare «a» is also «ạ».
    /// </summary>
    public static string? AfterCorrection(string text)
    {
        var lower = text.ToLowerInvariant();
        var corrected = Correction.Matches(lower);
        return corrected.Count > 0 && corrected[^1] is var last && last.Index + last.Length < lower.Length ? text[(last.Index + last.Length)..] : null;
    }

    /// <summary>«bố em bảo thôi ạ», «mẹ cháu nói là có»: someone typing for a parent passes on the parent's answer.</summary>
    private static string? Reported(string folded)
    {
        var said = ParentSaid.Match(folded);
        return said.Success ? folded[said.Length..] : null;
    }

    /// <summary>
    /// «gửi thì gửi», «đếm thì cứ đếm, miễn là…», «lưu thì lưu nhưng…»: a yes given with reluctance or a condition (the
    /// condition after it is not a no); «không thì thôi» stays a no.
    /// </summary>
    private static YesNoAnswer? Conceded(string folded)
    {
        var same = SaidTwice.Match(folded);
        return !same.Success ? null : same.Groups[1].Value is "khong" or "k" or "ko" or "chua" ? YesNoAnswer.No : YesNoAnswer.Yes;
    }

    // «nhà nàm gì có trẻ con», «lấy đâu ra», «có ai đâu»: a no put as a rhetorical question.
    // («đâu có», «có đâu» are read with their marks: folded they are also «dâu có», «có dâu», a daughter-in-law.)
    private static readonly string[] RhetoricalNo = [" lam gi co ", " nam gi co ", " lay dau ra ", " co ai dau "];

    // «thì đang nhắn cho cháu đây thì là có chứ gì»: obviously yes.
    private static readonly string[] ObviousYes = ["co chu gi", "co chu", "la co", "co con gi"];

    /// <summary>
    /// «thôi để khi khác», «lâu thế thôi để tối bác hỏi», «thôi bác không thích …», «thôi biết rồi, cán bộ thôn nói mãi rồi»:
    /// a resident putting it off or declining, however long the reason; a question after it asks something else.
    /// </summary>
    private static bool PutsOff(string text, string folded)
    {
        if (text.Contains('?', StringComparison.Ordinal) || EndsAsQuestion(text))
        {
            return false;
        }

        var padded = $" {folded} ";
        var words = folded.Split(' ');
        return padded.Contains(" thoi de ", StringComparison.Ordinal) || PutOffs.Any(p => padded.Contains(p, StringComparison.Ordinal))
            || (words[0] == "thoi" && (words.Skip(1).Any(w => w is "khong" or "k" or "ko" or "chang" or "cha") || AlreadyKnown.Any(k => padded.Contains(k, StringComparison.Ordinal))));
    }

    // «thôi, cái đó tôi nắm rồi», «thôi biết rồi», «thôi đủ rồi»: nothing more is wanted.
    private static readonly string[] AlreadyKnown = [" biet roi ", " du roi ", " nam roi ", " hieu roi ", " ro roi "];

    private static readonly string[] PutOffs = [" thoi dung ", " de khi khac ", " de luc khac ", " de hom khac ", " khi khac ", " de sau ", " de mai "];

    // «gửi đi cháu, có gì bác còn biết», «xóa hết đi, bác k dùng nữa», «cháu cứ tính»: doing what was offered, said first.
    private static readonly Regex GoAheadLead = new(
        @"^(?:da |u |thoi )?(?:chau |em )?(?:(?:gui|xoa|tinh|dem|luu|nhan|ghi|hoi|xem|tim|lam|dang ky|nhan tin)(?: het| luon| thu| ngay)? di(?: |$)|cu (?:gui|xoa|tinh|dem|luu|nhan|ghi|hoi|xem|lam)(?: |$))",
        RegexOptions.None, MatchTime);

    private static bool GoesAhead(string folded) =>
        GoAheadLead.IsMatch(folded) || (GoOnThen.IsMatch(folded) && !Negated(folded));

    private static bool Negated(string folded) => folded.Split(' ').Any(w => w is "khong" or "k" or "ko" or "chang" or "cha" or "chua");

    // «uh để xem», «để bác xem đã», «để nghĩ đã»: not decided yet.
    private static readonly string[] Hesitations = ["de xem", "de xem da", "de bac xem", "de toi xem", "de em xem", "de nghi da", "de bac nghi", "de toi nghi"];

    // «tùy cháu», «sao cũng được», «thế nào cũng được»: the resident leaves it to the bot, which is no answer.
    private static readonly string[] Indifferent = ["tuy", "tuy chau", "tuy e", "tuy em", "tuy ban", "tuy a", "sao cung duoc", "sao cung dc", "the nao cung duoc", "the nao cung dc", "kieu gi cung duoc"];

    /// <summary>
    /// «tùy cháu», «tùy e», «sao cũng được»: indifference, no answer to a question that needs one; asked again, not read
    /// as a search («tùy» found «tuyển dụng») or a yes.
    /// </summary>
    public static bool IsIndifferent(string? text)
    {
        var folded = VietnameseText.Fold(text);
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = words.Length;
        while (last > 1 && Afterwords.Contains(words[last - 1]))
        {
            last--;
        }

        var core = string.Join(' ', words[..last]);
        return Indifferent.Contains(core, StringComparer.Ordinal) || Indifferent.Any(i => core.StartsWith(i + " ", StringComparison.Ordinal) && i.Contains(' ', StringComparison.Ordinal));
    }

    /// <summary>
    /// «tôi không biết mã hộ là gì cháu ạ», «tôi chưa đo bao giờ nên không rõ ạ»: not knowing said of oneself, first, or
    /// last of a reply that asks nothing.
    /// </summary>
    private static bool OwnUnknown(string folded, string phrase) =>
        StartsWithAny(folded, "toi " + phrase, "bac " + phrase, "em " + phrase, "e " + phrase, "chau " + phrase, "nha toi " + phrase)
        || (LastWords(folded).EndsWith(" " + phrase, StringComparison.Ordinal) && !QuestionEnds.Contains(LastWord(folded), StringComparer.Ordinal));

    /// <summary>The reply without what is said to someone at its end («… cháu ạ»).</summary>
    private static string LastWords(string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = words.Length;
        while (last > 1 && Afterwords.Contains(words[last - 1]))
        {
            last--;
        }

        return " " + string.Join(' ', words[..last]);
    }
}
