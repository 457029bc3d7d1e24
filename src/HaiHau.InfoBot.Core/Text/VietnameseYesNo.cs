namespace HaiHau.InfoBot.Core.Text;

/// <summary>Yes, no or unknown, from "dạ có", "ừ", "ok", "ko", "k", "chưa", "không biết" …</summary>
public static class VietnameseYesNo
{
    private static readonly string[] YesPhrases =
    [
        "co", "da co", "co a", "da co a", "u", "uh", "um", "uhm", "vang", "da vang", "vang a", "ok", "oke", "okie", "okay",
        "yes", "y", "dung", "dung roi", "dung vay", "phai", "da phai", "co chu", "roi", "da roi", "duoc", "dong y", "da",
        "co ạ", "co nhe", "uk", "uki", "dc", "dc a", "duoc a", "duoc roi", "chac la co", "chac co", "co le co", "hinh nhu co",
        "chac chan", "chac chan roi", "chac chan a",
    ];

    private static readonly string[] NoPhrases =
    [
        "khong", "ko", "k", "kg", "khg", "hong", "hok", "khong a", "da khong", "da khong a", "chua", "chua a", "da chua",
        "no", "n", "khong phai", "khong co", "ko co", "k co", "khong dung", "sai", "thoi khong", "khong can",
        "chac khong", "chac ko", "chac la khong", "hinh nhu khong", "hong co", "hok co",
        // «thôi để lại», «giữ lại», «khỏi»: keep it, at the erase question and wherever a yes or no is asked.
        "thoi de lai", "de lai", "giu lai", "thoi giu lai", "khoi", "thoi khoi",
    ];

    private static readonly string[] UnknownPhrases =
    [
        "khong biet", "ko biet", "k biet", "chua biet", "khong ro", "ko ro", "k ro", "chua ro", "khong chac", "ko chac",
        "khong nho", "ko nho", "biet dau", "chiu", "hong biet", "hok biet", "hem biet", "ko bit", "k bit", "khong bit",
        "k nho", "quen roi", "quen mat", "quen mat roi",
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

        var folded = VietnameseText.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        // Unknown first: "không biết" starts like "không".
        if (Unknown.Contains(folded) || UnknownPhrases.Any(p => folded.StartsWith(p + " ", StringComparison.Ordinal)))
        {
            return YesNoAnswer.Unknown;
        }

        if (No.Contains(folded) || StartsWithAny(folded, "khong ", "ko ", "chua ", "da khong ", "chac khong", "chac ko "))
        {
            return YesNoAnswer.No;
        }

        if (Yes.Contains(folded) || (StartsWithAny(folded, "co ", "da co ", "vang ", "u ", "dung ") && !AsksBack(text!, folded)))
        {
            return YesNoAnswer.Yes;
        }

        return null;
    }

    // The words a Vietnamese question ends on: «có … không», «có … chưa», «đúng không», «có … gì», «… hả».
    private static readonly string[] QuestionEnds = ["khong", "ko", "k", "kg", "khg", "hong", "hok", "chua", "gi", "sao", "nao", "dau", "ha", "nhi", "chang"];

    /// <summary>
    /// «có ai không», «có phải xóa hết không», «đúng không?» start like a yes but ask something back: taken as a yes,
    /// «có ai không» typed at the erase question's «đúng không?» erased the resident's data.
    /// </summary>
    private static bool AsksBack(string text, string folded) =>
        text.Contains('?', StringComparison.Ordinal) || QuestionEnds.Contains(folded[(folded.LastIndexOf(' ') + 1)..], StringComparer.Ordinal);

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
