using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Text;

/// <summary>Yes, no or unknown, from "dạ có", "ừ", "ok", "ko", "k", "chưa", "không biết" …</summary>
public static partial class VietnameseYesNo
{
    private static readonly string[] YesPhrases =
    [
        "co", "da co", "co a", "da co a", "u", "uh", "um", "uhm", "vang", "da vang", "vang a", "ok", "oke", "okie", "okay",
        "yes", "y", "dung", "dung roi", "dung vay", "phai", "da phai", "co chu", "roi", "da roi", "duoc", "dong y", "da",
        "co ạ", "co nhe", "uk", "uki", "dc", "dc a", "duoc a", "duoc roi", "chac la co", "chac co", "co le co", "hinh nhu co",
        "chac chan", "chac chan roi", "chac chan a",
        // Trying it out («xem thử», «thử xem sao»). («chắc vậy» is not here: one writer meant yes by it, another nothing sure.)
        "xem thu", "thu xem", "thu xem sao", "xem thu xem sao", "thu di",
        // Teen code of the younger relatives typing for a parent.
        "oki", "oki nha", "okie nha", "okela", "oke nha", "ok nha", "on", "on a", "on roi", "dc r", "dc roi",
    ];

    private static readonly string[] NoPhrases =
    [
        "khong", "ko", "k", "kg", "khg", "hong", "hok", "hk", "khong a", "da khong", "da khong a", "chua", "chua a", "da chua",
        "no", "n", "khong phai", "khong co", "ko co", "k co", "khong dung", "sai", "thoi khong", "khong can",
        "chac khong", "chac ko", "chac la khong", "hinh nhu khong", "hong co", "hok co",
        // «thôi để lại», «giữ lại», «khỏi»: keep it, at the erase question and wherever a yes or no is asked.
        "thoi de lai", "de lai", "giu lai", "thoi giu lai", "khoi", "thoi khoi",
    ];

    private static readonly string[] UnknownPhrases =
    [
        "khong biet", "ko biet", "k biet", "chua biet", "khong ro", "ko ro", "k ro", "chua ro", "khong chac", "ko chac",
        "khong nho", "ko nho", "biet dau", "chiu", "hong biet", "hok biet", "hem biet", "ko bit", "k bit", "khong bit",
        "k nho", "quen roi", "quen mat", "quen mat roi", "cha biet", "chang biet", "cha biet nua", "chang biet nua",
        "k bik", "ko bik", "khong bik", "hok bik", "hk bik",
    ];

    // A thumb is how many residents answer on Zalo; it carries no letters, so it is read before folding.
    private static readonly string[] YesSigns = ["👍", "👌", "✅", "🙆"];
    private static readonly string[] NoSigns = ["👎", "❌", "🙅"];

    private static readonly HashSet<string> Yes = new(YesPhrases.Select(VietnameseText.Fold), StringComparer.Ordinal);
    private static readonly HashSet<string> No = new(NoPhrases.Select(VietnameseText.Fold), StringComparer.Ordinal);
    private static readonly HashSet<string> Unknown = new(UnknownPhrases.Select(VietnameseText.Fold), StringComparer.Ordinal);

    public static YesNoAnswer? Parse(string? text)
    {
        var sign = (text ?? string.Empty).Trim();
        if (sign.Length > 0 && YesSigns.Any(y => sign.Replace(y, string.Empty, StringComparison.Ordinal).Trim().Length == 0))
        {
            return YesNoAnswer.Yes;
        }

        if (sign.Length > 0 && NoSigns.Any(n => sign.Replace(n, string.Empty, StringComparison.Ordinal).Trim().Length == 0))
        {
            return YesNoAnswer.No;
        }

        if (Spoken(sign.ToLowerInvariant()) is { } spoken)
        {
            return spoken;
        }

        var folded = VietnameseText.Fold(text);
        if (folded.Length == 0 || IsIndifferent(folded) || EndsWithAny(folded, Hesitations))
        {
            return null;
        }

        // The parent's words, up to the first comma when they end there («bố em bảo thôi ạ, đt bố em cũng ít khi xem»).
        var clause = VietnameseText.Fold(sign.Split([',', '.', ';'], 2)[0]);
        var reported = (Reported(clause) is { } first ? Parse(first) : null) ?? (Reported(folded) is { } said ? Parse(said) : null);
        if (reported is not null)
        {
            return reported;
        }

        if (Conceded(folded) is { } conceded)
        {
            return conceded;
        }

        // «Dạ, tôi đồng ý ạ», «Dạ thôi, cái đó tôi nắm rồi ạ»: a polite «dạ» before the answer; «dạ» alone is a yes.
        if (folded.StartsWith("da ", StringComparison.Ordinal) && folded.Length > 3 && Parse(AfterDa(sign, folded)) is { } afterDa)
        {
            return afterDa;
        }

        if (FormalYes.IsMatch(folded) && !AsksBack(text!, folded))
        {
            return YesNoAnswer.Yes; // «tôi xin đồng ý», «gia đình tôi đồng ý ạ», «tôi muốn biết ạ»
        }

        // Unknown first: "không biết" starts like "không"; «có mà không nhớ», «bác không nhớ cháu ạ» are not knowing too.
        if (Unknown.Contains(folded) || UnknownPhrases.Any(p => folded.StartsWith(p + " ", StringComparison.Ordinal) || OwnUnknown(folded, p))
            || (VietnameseText.WordCount(folded) <= ShortReplyWords && ForgetsWithin(folded)))
        {
            return YesNoAnswer.Unknown;
        }

        // «tính vào cũng được», «không công bố tên thì được»: agreement, with a condition or a shrug, said last. «sao cũng
        // được», «gì cũng được» are indifference, not a yes: no consent is read from them.
        if ((EndsWithAny(folded, AgreeingEnds) || AgreesOnACondition.IsMatch(folded)) && !AsksBack(text!, folded) && !StartsWithAny(folded, "sao ", "gi ", "nao ", "the nao", "kieu gi "))
        {
            return YesNoAnswer.Yes;
        }

        if (No.Contains(folded) || StartsWithAny(folded, "khong ", "ko ", "chua ", "da khong ", "chac khong", "chac ko ", "chac k ", "chac la k ") || DeclinesFirst(text!, folded)
            || PutsOff(text!, folded) || (RhetoricalNo.Any(n => $" {folded} ".Contains(n, StringComparison.Ordinal)) && !text!.Contains('?', StringComparison.Ordinal)))
        {
            return YesNoAnswer.No;
        }

        if (Yes.Contains(folded) || ((StartsWithAny(folded, YesLeads) || GoAhead(folded) || GoesAhead(folded) || (EndsWithAny(folded, ObviousYes) && !Negated(folded))) && !AsksBack(text!, folded)))
        {
            return YesNoAnswer.Yes;
        }

        return null;
    }

    /// <summary>Most words of a reply read by its lead words alone; a longer message is more than a yes or no.</summary>
    private const int ShortReplyWords = 8;

    // «dc cháu», «ok cháu», «đồng ý cháu», «dạ vâng được ạ», «chắc có, ở trong tủ»: a yes, then a word or a reason.
    private static readonly string[] YesLeads =
    [
        "co ", "da co ", "vang ", "da vang", "u ", "uh ", "uk ", "um ", "dung ", "dc ", "duoc ", "da duoc", "da dc", "ok ", "oke ",
        "okie ", "dong y", "da dong y", "chac co ", "chac la co ", "hinh nhu co ", "co le co ", "co chu ", "thoi duoc", "thoi dc",
    ];

    private static readonly string[] AgreeingEnds = ["cung duoc", "cung dc", "cx duoc", "cx dc", "thi duoc", "thi dc"];

    // «không công bố tên thì được cháu cứ tính», «nếu không công bố tên thì tôi đồng ý ạ»: agreement on a condition, then
    // a go-ahead (its «không» is the condition's).
    private static readonly Regex AgreesOnACondition = new(@" thi (?:(?:toi|bac|em|chau) )?(?:duoc|dc|ok|dong y)(?: (?:chau|em|a|nhe|nha|roi))*(?: (?:chau |em )?cu \w+(?: \w+)?)?$", RegexOptions.None, MatchTime);

    private static readonly Regex FormalYes = new(@"^(?:toi|bac|em|chau|gia dinh toi|nha toi|vo chong toi) (?:xin |rat )?(?:dong y|muon biet|muon xem|muon nhan|co a$|co$)", RegexOptions.None, MatchTime);

    // «k, 2 vợ chồng con làm công ty có hợp đồng»: a no first, then why, however long (as «không …» always was).
    private static readonly string[] NegationLeads = ["k ", "kg ", "khg ", "hong ", "hok ", "hk "];

    // «k cần đâu», «thôi k đâu», «để sau», «bấm nhầm»: a no said the way people decline, not only «không».
    private static readonly string[] DeclineLeads =
    [
        "khong can", "k can", "ko can", "chang can", "cha can", "chua can", "khoi ",
        // «thế đủ rồi», «thế thôi», «hết rồi cháu»: nothing more, at «thêm …?» and «còn hỏi gì nữa không?».
        "du roi", "the du roi", "the thoi", "the la du", "het roi", "thoi du roi",
        "thoi ", "de sau", "de luc khac", "luc khac", "hom khac", "de nghi lai da", "de toi nghi", "de bac nghi", "bam nham", "nham ",
    ];

    // «tôi k muốn lưu thông tin đâu», «bác không cần»: a no said of oneself; only wanting, needing and agreeing, since
    // «tôi không có thẻ» may answer «có ai chưa có thẻ không?» either way.
    private static readonly string[] DeclinesOfOneself =
    [
        "toi k muon", "toi khong muon", "toi ko muon", "bac khong muon", "bac k muon", "bac ko muon", "em khong muon", "em k muon",
        "toi khong can", "toi k can", "toi ko can", "bac khong can", "bac k can", "toi khong dong y", "toi k dong y", "bac khong dong y",
    ];

    /// <summary>
    /// A reply that opens with a decline. «k» or «thôi» with a question after it («thôi cho hỏi vay vốn ở đâu?») asks
    /// something else, so it must not end in a question; «đâu» after a decline is emphasis («k cần đâu»), not «where».
    /// </summary>
    private static bool DeclinesFirst(string text, string folded) =>
        (StartsWithAny(folded, NegationLeads) || StartsWithAny(folded, DeclinesOfOneself)
            || ((folded is "bam nham" or "nham" or "nham roi" || StartsWithAny(folded, DeclineLeads)) && VietnameseText.WordCount(folded) <= ShortReplyWords))
        && !text.Contains('?', StringComparison.Ordinal)
        && !folded.Contains("chao", StringComparison.Ordinal) && !folded.Contains("tam biet", StringComparison.Ordinal) // «thôi chào nhé» is a goodbye
        && !StartsWithAny(folded, "thoi duoc", "thoi dc", "thoi ok", "thoi cung duoc", "thoi thi")
        && !(QuestionEnds.Contains(LastWord(folded), StringComparer.Ordinal) && LastWord(folded) is not ("dau" or "khong" or "k" or "ko"));

    /// <summary>«xóa đi», «gửi đi», «tính đi cháu»: go ahead and do it, a yes to «bác có muốn … không».</summary>
    private static bool GoAhead(string folded)
    {
        var words = folded.Split(' ');
        return words.Length is >= 2 and <= 3 && (words[^1] == "di" || (words.Length == 3 && words[1] == "di"))
            && !StartsWithAny(folded, DeclineLeads) && !StartsWithAny(folded, NegationLeads) && words[0] is not ("di" or "khong" or "ko" or "chua");
    }

    private static bool ForgetsWithin(string folded) =>
        $" {folded} ".Contains(" khong nho", StringComparison.Ordinal) || $" {folded} ".Contains(" k nho", StringComparison.Ordinal)
        || $" {folded} ".Contains(" ko nho", StringComparison.Ordinal) || $" {folded} ".Contains(" quen mat", StringComparison.Ordinal)
        || $" {folded} ".Contains(" quen roi", StringComparison.Ordinal);

    private static bool EndsWithAny(string folded, string[] ends) =>
        ends.Any(e => folded == e || folded.EndsWith(" " + e, StringComparison.Ordinal));

    // The words a Vietnamese question ends on: «có … không», «có … chưa», «đúng không», «có … gì», «… hả».
    private static readonly string[] QuestionEnds = ["khong", "ko", "k", "kg", "khg", "hong", "hok", "chua", "gi", "sao", "nao", "dau", "ha", "nhi", "chang"];

    /// <summary>
    /// «có ai không», «có phải xóa hết không», «đúng không?» start like a yes but ask something back: taken as a yes,
    /// «có ai không» typed at the erase question's «đúng không?» erased the resident's data.
    /// </summary>
    private static bool AsksBack(string text, string folded) =>
        text.Contains('?', StringComparison.Ordinal) || (QuestionEnds.Contains(LastWord(folded), StringComparer.Ordinal) && !Rhetorical(folded));

    // «có hợp đồng gì đâu» (none at all), «chứ gì» (obviously), «thử xem sao» (let's see): endings that ask nothing.
    private static readonly string[] RhetoricalEnds = ["gi dau", "gi ca", "chu gi", "xem sao", "gi het"];

    // Said after the question word, to whom or how: «có mất tiền không cháu», «có phải xóa hết không ạ».
    private static readonly HashSet<string> Afterwords = new(StringComparer.Ordinal) { "chau", "a", "nhe", "nha", "vay", "the", "em", "e", "oi", "bac", "anh", "chi", "ban", "day", "ad" };

    /// <summary>The last word that is not said to someone: the word a question ends on.</summary>
    private static string LastWord(string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = words.Length - 1;
        while (last > 0 && Afterwords.Contains(words[last]))
        {
            last--;
        }

        return last >= 0 ? words[last] : string.Empty;
    }

    /// <summary>
    /// Whether the reply ends the way a Vietnamese question does («… không cháu», «… ở đâu ạ», a «?»): then it asks
    /// something, whatever words of an answer it holds.
    /// </summary>
    public static bool EndsAsQuestion(string text) =>
        text.Contains('?', StringComparison.Ordinal)
        || (QuestionEnds.Contains(LastWord(VietnameseText.Fold(text)), StringComparer.Ordinal) && !Rhetorical(VietnameseText.Fold(text)));

    // «đang nhắn cho cháu đây còn gì»: «còn gì» last says «obviously»; «bác không nói đâu»: «đâu» after a no stresses
    // it. Neither asks anything.
    private static bool Rhetorical(string folded) =>
        folded.EndsWith(" con gi", StringComparison.Ordinal) || EndsWithAny(folded, RhetoricalEnds)
        || (LastWord(folded) == "dau" && folded.Split(' ').Any(w => w is "khong" or "k" or "ko" or "cha" or "chang" or "chua"));

    /// <summary>
    /// «k biết tính thế nào cháu chỉ giúp»: not knowing, said at length, and asking nothing back (unlike «không biết hộ
    /// nghèo có được vay không»). Where a button says «Chưa rõ», this is that button.
    /// </summary>
    public static bool IsNotSureAtLength(string? text) =>
        text is not null && Parse(text) == YesNoAnswer.Unknown && (IsNotSure(text) || !EndsAsQuestion(text));

    /// <summary>
    /// «ko biết», «hổng biết ạ», «chưa rõ lắm»: a short "I don't know" on its own. Longer «không biết …» opens a
    /// question («không biết hộ nghèo có được vay không»), so it is not one.
    /// </summary>
    public static bool IsNotSure(string? text) =>
        Parse(text) == YesNoAnswer.Unknown && VietnameseText.WordCount(VietnameseText.Fold(text)) <= 4;

    private static bool StartsWithAny(string folded, params string[] prefixes) =>
        prefixes.Any(p => folded.StartsWith(p, StringComparison.Ordinal));
}

public enum YesNoAnswer
{
    Yes,
    No,
    Unknown,
}
