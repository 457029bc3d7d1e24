using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// What a message sent right after the bot computed a household's income test, or offered it with part of the case
/// told, changes in that case (issue 12 §3): «thế nếu 7 triệu thì sao» (the income), «nếu nhà 6 người thì sao» (the
/// size), «nếu thằng út đi làm lương 6 triệu» and «có thêm đứa nữa» (added to what was told), «5 triệu» after «nhà tôi
/// 4 người có phải hộ nghèo không» (the income the case lacked). Read alone, those got an "I don't know" or a question back, and the
/// resident had to tell the whole case again. Only the numbers the message tells are changed; the rest is the case
/// as computed.
/// </summary>
internal static partial class CaseChange
{
    /// <summary>Most words a change of the case is: a longer message is a question of its own.</summary>
    public const int MaxWords = 20;

    /// <summary>
    /// The case with the message's numbers in it, and how the income changed (null when it did not), or null when the
    /// message changes nothing of it or speaks of a sum that is not the household's living («nếu vay 20 triệu thì
    /// sao», «học phí 2 triệu»).
    /// </summary>
    public static Changed? Read(string text, ResidentCase before)
    {
        // Words that fold onto a sum's purpose: «vậy» onto «vay» (a loan), «mùa» (a harvest) onto «mua» (to buy), «bạn»
        // onto «bán». Written with their marks they are never those, so they are read as words that are not; typed
        // without them, a leading «vay» before a number or «nếu» is «vậy» unless the message says what money is for.
        var folded = VietnameseText.Fold(Marked().Replace(VietnameseText.Clean(text), m => MarkedAs[m.Value.ToLowerInvariant()]));
        folded = folded.Replace("mat mua", "mat vu", StringComparison.Ordinal); // «mất mùa», a lost harvest, typed without marks
        if (SoUnmarked().IsMatch(folded) && !LoanPurpose().IsMatch(folded))
        {
            folded = string.Concat("the", folded.AsSpan(3));
        }

        if ((before.Members is null && before.MonthlyIncome is null) || VietnameseText.WordCount(folded) > MaxWords || OtherSum().IsMatch(folded))
        {
            return null;
        }

        // A bare sum after the computation is the income (as at the screener's income question): «thế nếu 7 triệu».
        var told = ResidentCase.Read(text, incomeAsked: true);
        var members = told.Members ?? BareSize(folded);
        if (members is null && AddedPeople().Match(folded) is { Success: true } added && before.Members is { } size)
        {
            members = size + (added.Groups["n"].Success ? (int?)VietnameseNumber.Parse(added.Groups["n"].Value) ?? 1 : 1);
        }

        var income = before.MonthlyIncome;
        var perPerson = before.IncomePerPerson;
        decimal? addedIncome = null;
        if (told.MonthlyIncome is { } amount)
        {
            if (before.MonthlyIncome is not null && !told.IncomePerPerson && !before.IncomePerPerson && AddsIncome().IsMatch(folded))
            {
                // «nếu thằng út đi làm lương 6 triệu»: one more earner's pay on top of what the household had.
                addedIncome = amount;
                income += amount;
            }
            else
            {
                income = amount;
                perPerson = told.IncomePerPerson;
            }
        }

        if (members is < 1 or > 30)
        {
            return null;
        }

        var changed = before with { Members = members ?? before.Members, MonthlyIncome = income, IncomePerPerson = perPerson };
        // A case the income test can be run on: «5 triệu» after «nhà tôi 4 người có phải hộ nghèo không» completes it.
        // Without an income either side, only a new size is a change («thế nếu nhà 6 người thì sao» after that question).
        return changed.HasIncomeTest ? (changed == before && told.MonthlyIncome is null ? null : new Changed(changed, addedIncome))
            : before.MonthlyIncome is null && changed.Members != before.Members ? new Changed(changed, null)
            : null;
    }

    /// <param name="Case">The case as it now stands.</param>
    /// <param name="AddedIncome">A sum added to the household's income (one more earner), null when the income was replaced or kept.</param>
    public sealed record Changed(ResidentCase Case, decimal? AddedIncome);

    private static int? BareSize(string folded) =>
        BareSizePattern().Match(folded) is { Success: true } m && VietnameseNumber.Parse(m.Groups["n"].Value) is { } n ? (int)n : null;

    // «nếu 6 người thì sao», «thế 3 khẩu thì sao»: after the computation a number of people alone is the household's, as
    // is one said to remain or to make the total («con gái lấy chồng rồi còn 3 người», «còn đứa cháu nữa là ba người»).
    [GeneratedRegex(@"(?:^(?:(?:the|con|vay|the con|con neu|the neu|neu|gia su|nhung)\s+)*(?:co\s+)?|\b(?:con|chi con|la|thanh|tat ca)\s+)(?<n>\d{1,2}|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)\s*(?:nguoi|ng|khau|nhan khau)\b(?!\s+(?:khuyet tat|gia|om|benh|di lam|di hoc))", RegexOptions.CultureInvariant)]
    private static partial Regex BareSizePattern();

    private static readonly Dictionary<string, string> MarkedAs = new(StringComparer.Ordinal) { ["vậy"] = "thế", ["mùa"] = "vụ", ["bạn"] = "người" };

    [GeneratedRegex(@"\b(?:vậy|mùa|bạn)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Marked();

    [GeneratedRegex(@"^vay\s+(?:\d|neu\b|thi\b|la\b|con\b|chi\b)", RegexOptions.CultureInvariant)]
    private static partial Regex SoUnmarked();

    [GeneratedRegex(@"\b(?:nuoi|mua|xay|sua|lam nha|lam an|von|ngan hang|lai|de|tra)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LoanPurpose();

    // «có thêm 1 người», «thêm đứa nữa», «sinh thêm cháu»: people added to the household told before.
    [GeneratedRegex(@"\bthem\s+(?:(?<n>\d{1,2}|mot|hai|ba)\s+)?(?:nguoi|khau|nhan khau|dua|chau|be|con|mieng an)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AddedPeople();

    // «thêm», «nữa», «cộng», «đi làm» with a sum: an earner's pay added, not the household's income replaced.
    [GeneratedRegex(@"\b(?:them|nua|cong them|cong voi|di lam)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AddsIncome();

    // Sums that are not what the household lives on: a loan, a debt, a deposit, fees, the BHYT card's price («nợ» only
    // with its verb or the bank: folded, «nó» is «no»); and whether a sum counts at all («lương hưu của bà có bị tính
    // không», «nợ có được trừ ra không»), which is a question about the rules, not a new number for the case.
    [GeneratedRegex(@"\b(?:vay|tra no|mac no|khoan no|no xau|no ngan hang|tien no|coc|muon|hoc phi|tien dien|bhyt|bao hiem|tra gop|lai suat|tien lai|mua|ban|dong tien|ho tro|co bi tinh|co tinh|bi tinh|tinh vao|duoc tru|tru ra|tru di)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OtherSum();
}
