using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// The parts of a message that may each be a question («bhyt hộ nghèo thế nào? còn vay vốn thì sao»): cut at
/// «?», «;», «,», «.», a new line, and before a «còn» (written with its marks) that opens a new clause. A number's
/// «1.500.000» or «4,5 triệu» is not cut. Whether the parts really are two questions is for the engine to judge.
/// </summary>
public static class QuestionParts
{
    private static readonly char[] Cuts = ['?', ';', ',', '.', '\n', '!'];

    /// <summary>Words after a bare «con» that make it «còn» (what about …), not a child: «con vụ vay vốn», «con việc học nghề».</summary>
    private static readonly HashSet<string> AfterFollowUpCon = new(StringComparer.Ordinal) { "vu", "viec", "chuyen", "ve", "van", "phan", "muc", "khoan" };

    public static IReadOnlyList<string> Split(string text)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var between = i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]);
            if (Array.IndexOf(Cuts, text[i]) >= 0 && !between)
            {
                Add(parts, text[start..i]);
                start = i + 1;
            }
            else if (i > start && StartsFollowUp(text, i))
            {
                Add(parts, text[start..i]);
                start = i;
            }
        }

        Add(parts, text[start..]);
        return parts;
    }

    /// <summary>Joins two subjects in a list («thẻ bhyt với vay vốn cho con đi học»), written with or without marks.</summary>
    private static readonly string[] Joins = ["với", "voi", "và", "va"];

    /// <summary>
    /// A short message that lists two subjects («thẻ bhyt với vay vốn cho con đi học»), cut at its one «với» / «và»;
    /// else the whole message. Only used where the parts are then judged to name two topics: «hộ nghèo và cận nghèo
    /// được vay bao nhiêu» names one.
    /// </summary>
    public static IReadOnlyList<string> SplitAtJoin(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var joins = words.Select((w, i) => (w, i)).Where(x => Joins.Contains(x.w, StringComparer.OrdinalIgnoreCase)).ToList();
        return joins is [var (_, at)] && at > 0 && at < words.Length - 1
            ? [string.Join(' ', words[..at]), string.Join(' ', words[(at + 1)..])]
            : [text];
    }

    /// <summary>
    /// A message without its opening «còn» («còn vay vốn thì sao», «con vụ vay vốn nuôi lợn»): the word only says
    /// "and what about", and folded without marks it reads as «con» (a child), which pulls the answer to children's
    /// loans and schooling. A «con» that is a child («con tôi đi học») is kept.
    /// </summary>
    public static string WithoutFollowUpWord(string text)
    {
        var trimmed = text.TrimStart();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return text;
        }

        var first = trimmed[..space];
        var rest = trimmed[(space + 1)..].TrimStart();
        if (first.Equals("còn", StringComparison.OrdinalIgnoreCase))
        {
            return rest;
        }

        // «thế còn vay vốn», «vậy còn bhyt»: the same «còn» after «thế» or «vậy» («thế còn vay vốn» got the student loan,
        // «còn» read as a child). Unmarked «vay con» is left: «vay» is a loan as often as «vậy».
        if ((first.Equals("thế", StringComparison.OrdinalIgnoreCase) || first.Equals("vậy", StringComparison.OrdinalIgnoreCase) || VietnameseText.Fold(first) == "the")
            && WithoutFollowUpWord(rest) is var after && after.Length < rest.Length)
        {
            return after;
        }

        var next = VietnameseText.Fold(rest.Split(' ', 2)[0]);
        return VietnameseText.Fold(first) == "con" && AfterFollowUpCon.Contains(next) ? rest : text;
    }

    /// <summary>
    /// Whether a part asks something itself: a «?», a question word, or a «không» / «chưa» that closes it («có được vay
    /// không»). A «không» that opens or runs through a clause is a plain «not»: «chồng tôi mất năm ngoái, tôi nuôi hai
    /// con nhỏ, không có việc làm ổn định, tôi có được hỗ trợ gì không» tells the story in three clauses and asks in the
    /// last; its «không có việc làm» was taken for a question and answered with the entry on losing one's job.
    /// </summary>
    public static bool Asks(string part)
    {
        if (part.Contains('?', StringComparison.Ordinal))
        {
            return true;
        }

        var words = VietnameseText.Fold(part).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && ClosingParticles.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        var joined = Indefinite.Replace(" " + string.Join(' ', words) + " ", " ");
        return (words.Count > 0 && ClosingNo.Contains(words[^1]))
            || (AskingWords.Any(w => joined.Contains(" " + w + " ", StringComparison.Ordinal)) && !NothingAtAll(words));
    }

    /// <summary>
    /// Question words that ask nothing: «cái gì cũng được», «xã nào cũng được», «ở đâu cũng được» (any at all), «có hợp đồng gì
    /// đâu», «gì cả», «gì hết» (none at all), «chứ gì» (obviously), «chẳng ai», «chả ai» (nobody). Read as questions,
    /// replies holding them left the dialog with «cháu chưa có câu trả lời chắc chắn».
    /// </summary>
    private static readonly Regex Indefinite = new(@" (?:gi|j|nao|dau|ai|sao|the nao|bao nhieu) (?:cung|cx) | gi (?:dau|ca|het) | chu gi | (?:chang|cha) ai ", RegexOptions.None, PatternLimits.MatchTime);

    /// <summary>«chưa thấy ai bảo gì», «nhà không có mã hộ gì»: a no before a closing «gì» says «nothing», asking nothing.</summary>
    private static bool NothingAtAll(List<string> words) =>
        words.Count > 2 && words[^1] is "gi" or "j" && words.Take(words.Count - 1).Any(w => w is "khong" or "k" or "ko" or "chua" or "chang" or "cha")
        && !AskingWords.Where(w => w is not ("gi" or "j")).Any(w => (" " + string.Join(' ', words) + " ").Contains(" " + w + " ", StringComparison.Ordinal));

    /// <summary>Folded, as typed: «không», «chưa» and their short forms, a question only at the end of a clause.</summary>
    private static readonly HashSet<string> ClosingNo = new(StringComparer.Ordinal) { "khong", "ko", "k", "kg", "khg", "kh", "hok", "hong", "hem", "khum", "chua", "chx" };

    /// <summary>Folded particles after the question's last word: «ạ», «nhé», «vậy», «hả», «ạ ad», and whom it is said to («… không cháu»).</summary>
    private static readonly HashSet<string> ClosingParticles = new(StringComparer.Ordinal) { "a", "ah", "ak", "nhe", "nha", "vay", "z", "ha", "nhi", "ad", "ban", "oi", "the", "day", "chau", "bac", "em", "anh", "chi" };

    /// <summary>Folded question words that ask wherever they stand (content/understanding/topics.yaml's, but «không»).</summary>
    private static readonly string[] AskingWords =
        ["gi", "j", "sao", "nao", "ai", "o dau", "di dau", "bao nhieu", "bn", "bao gio", "bao lau", "khi nao", "the nao", "ntn", "ra sao", "lam sao", "may gio", "thang may"];

    // «… còn vay vốn …»: a «còn» with its marks, as a word of its own, not the first of the message.
    private static bool StartsFollowUp(string text, int i) =>
        i > 0 && text[i - 1] == ' ' && text.AsSpan(i).StartsWith("còn ", StringComparison.OrdinalIgnoreCase);

    private static void Add(List<string> parts, string part)
    {
        part = part.Trim();
        if (part.Any(char.IsLetter))
        {
            parts.Add(part);
        }
    }
}
