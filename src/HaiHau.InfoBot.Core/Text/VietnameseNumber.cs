using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Text;

/// <summary>
/// Reads an amount the way residents write it: "1,5 triệu", "1tr5", "1.500.000", "2 triệu rưỡi", "800k",
/// "một triệu hai", "bốn người". Returns null when the text holds no single clear number.
/// </summary>
public static partial class VietnameseNumber
{
    private static readonly Dictionary<string, decimal> Digits = new(StringComparer.Ordinal)
    {
        ["khong"] = 0, ["mot"] = 1, ["hai"] = 2, ["ba"] = 3, ["bon"] = 4, ["tu"] = 4, ["nam"] = 5, ["lam"] = 5,
        ["sau"] = 6, ["bay"] = 7, ["tam"] = 8, ["chin"] = 9,
    };

    private static readonly Dictionary<string, decimal> BigUnits = new(StringComparer.Ordinal)
    {
        ["nghin"] = 1_000, ["ngan"] = 1_000, ["k"] = 1_000, ["trieu"] = 1_000_000, ["tr"] = 1_000_000,
        ["trd"] = 1_000_000, ["cu"] = 1_000_000, ["ty"] = 1_000_000_000, ["ti"] = 1_000_000_000,
    };

    /// <summary>The digit a folded word says («mot» 1, «tu» 4, «lam» 5), or null; «khong» is 0.</summary>
    internal static int? Digit(string folded) => Digits.TryGetValue(folded, out var digit) ? (int)digit : null;

    [GeneratedRegex(@"\d+(?:[.,]\d+)*|[a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    public static decimal? Parse(string? text)
    {
        var folded = FoldKeepingSeparators(text);
        if (folded.Length == 0 || folded.Contains("khong biet", StringComparison.Ordinal)
            || folded.Contains("khong ro", StringComparison.Ordinal) || folded.Contains("chua biet", StringComparison.Ordinal))
        {
            return null;
        }

        var tokens = TokenPattern().Matches(folded).Select(m => m.Value).ToList();
        if (tokens.Count is 1 or 2 && tokens[0] == "khong" && (tokens.Count == 1 || tokens[1] is "co"))
        {
            return 0; // "không", "không có": nothing, e.g. no income
        }

        return Combine(tokens);
    }

    private static decimal? Combine(List<string> tokens)
    {
        decimal total = 0, group = 0, lastDigit = 0, lastUnit = 0;
        var groupDigits = 0;          // how many digits the bare trailing group was written with
        var groupHasNumber = false;
        var groupHasHundreds = false;
        var sawNumber = false;

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (char.IsAsciiDigit(token[0]))
            {
                if (sawNumber && CountsPeriodOrPerson(tokens, i, alsoYear: true))
                {
                    i++; // «3 triệu 1 tháng»: the period (its word with it, «năm» being five too), not 3.100.000
                    continue;
                }

                if (groupHasNumber)
                {
                    return null; // "4 5": two numbers, not one
                }

                var literal = ParseLiteral(token);
                if (literal is null)
                {
                    return null;
                }

                group = literal.Value;
                groupDigits = token.Contains(',', StringComparison.Ordinal) || token.Contains('.', StringComparison.Ordinal) ? 0 : token.Length;
                groupHasNumber = sawNumber = true;
                lastDigit = 0;
                continue;
            }

            if (Digits.TryGetValue(token, out var digit) && !IsFillerHere(tokens, i) && !IsWordHere(tokens, i, sawNumber))
            {
                group += digit;
                lastDigit = digit;
                groupDigits++;
                groupHasNumber = sawNumber = true;
                continue;
            }

            switch (token)
            {
                case "muoi":
                    // "mười" (ten) and "mươi" (tens) fold alike: after a digit it multiplies, alone it is ten.
                    if (lastDigit > 0)
                    {
                        group += lastDigit * 9;
                    }
                    else
                    {
                        group += 10;
                        groupDigits++;
                    }

                    lastDigit = 0;
                    groupDigits = Math.Max(groupDigits, 2);
                    groupHasNumber = sawNumber = true;
                    continue;
                case "tram":
                    if (group == 0 && i > 0 && tokens[i - 1] is "may" or "vai" or "it" or "bao")
                    {
                        return null; // «mấy trăm», «vài trăm»: some hundreds, no amount
                    }

                    group = (group == 0 ? 1 : group) * 100;
                    lastDigit = 0;
                    groupHasHundreds = true;
                    groupHasNumber = sawNumber = true;
                    lastUnit = lastUnit == 0 ? 100 : lastUnit;
                    continue;
                case "linh" or "le":
                    continue;
                case "ruoi":
                    if (!sawNumber)
                    {
                        return null;
                    }

                    total += (groupHasNumber ? group : 0) + (lastUnit >= 1000 ? lastUnit / 2 : 50);
                    group = 0;
                    groupHasNumber = false;
                    continue;
            }

            if (BigUnits.TryGetValue(token, out var unit))
            {
                if (!sawNumber && unit > 1000)
                {
                    return null; // "triệu" alone says no amount
                }

                total += (groupHasNumber ? group : 1) * unit;
                lastUnit = unit;
                group = 0;
                lastDigit = 0;
                groupDigits = 0;
                groupHasNumber = groupHasHundreds = false;
                continue;
            }

            // Any other word around a number is tolerated: "khoảng 3 triệu đồng", "nhà cháu 4 người ạ".
        }

        if (!sawNumber)
        {
            return null;
        }

        if (groupHasNumber)
        {
            total += TrailingGroup(group, groupDigits, groupHasHundreds, lastUnit);
        }

        return total;
    }

    // "1 triệu 2" = 1.200.000, "1 triệu 25" = 1.250.000, "1 triệu 200" or "một triệu hai trăm" = 1.200.000.
    private static decimal TrailingGroup(decimal group, int digits, bool hasHundreds, decimal lastUnit)
    {
        if (lastUnit < 1000)
        {
            return group;
        }

        if (hasHundreds)
        {
            return group * lastUnit / 1000;
        }

        return digits switch
        {
            1 => group * lastUnit / 10,
            2 => group * lastUnit / 100,
            3 => group * lastUnit / 1000,
            _ => group,
        };
    }

    // "lăm" and "tư" are digits only after "mươi" ("hai mươi lăm"); alone they are words ("nhiều lắm").
    // After an amount, "một tháng" / "một người" say "per", not another number.
    private static bool IsWordHere(List<string> tokens, int i, bool sawNumber)
    {
        if (tokens[i] is "lam" or "tu")
        {
            // «nhà có lăm người» (Nam Định's «năm»): a count before what is counted.
            return (i == 0 || tokens[i - 1] != "muoi") && !(tokens[i] == "lam" && i + 1 < tokens.Count && tokens[i + 1] is "nguoi" or "khau" or "dua" or "mieng");
        }

        return sawNumber && CountsPeriodOrPerson(tokens, i, alsoYear: false);
    }

    /// <summary>
    /// Folded words that make the number before them, after an amount, count a period or people («3 triệu 1 tháng», «1
    /// triệu một người»), not part of the amount. A regex alternation, so ResidentCase's money pattern uses the same list.
    /// «năm» (year) is not among them: folded, it is also the digit five.
    /// </summary>
    internal const string CountedAfterAmount = "thang|ngay|tuan|nguoi|khau|nhan|lan";

    private static readonly HashSet<string> CountedWords = [.. CountedAfterAmount.Split('|')];

    // «năm» is the year only after a written digit («1 năm»): after a word it may be the digit five («một triệu năm»).
    private static bool CountsPeriodOrPerson(List<string> tokens, int i, bool alsoYear) =>
        i + 1 < tokens.Count && (CountedWords.Contains(tokens[i + 1]) || (alsoYear && tokens[i + 1] == "nam"));

    // "tầm 3 triệu" (about), "năm nay" (this year): these fold to digit words but lead into another number.
    private static bool IsFillerHere(List<string> tokens, int i)
    {
        // «cả nhà tầm 6tr»: «tầm» (about) before digits, wherever it stands, folds like «tám» (eight).
        if (tokens[i] == "tam" && i + 1 < tokens.Count && char.IsAsciiDigit(tokens[i + 1][0]))
        {
            return true;
        }

        if (tokens[i] is not ("nam" or "tam" or "tu") || i != 0 || i + 1 >= tokens.Count)
        {
            return false;
        }

        var next = tokens[i + 1];
        return char.IsAsciiDigit(next[0]) || (Digits.ContainsKey(next) && next != "nam");
    }

    private static decimal? ParseLiteral(string token)
    {
        var parts = token.Split('.', ',');
        if (parts.Length == 1)
        {
            return decimal.Parse(token, CultureInfo.InvariantCulture);
        }

        // 1.500.000 and 1,500,000 group thousands; 1,5 and 1.5 are decimals.
        if (parts.Skip(1).All(p => p.Length == 3))
        {
            return decimal.Parse(string.Concat(parts), CultureInfo.InvariantCulture);
        }

        if (parts.Length == 2)
        {
            return decimal.Parse(parts[0] + "." + parts[1], CultureInfo.InvariantCulture);
        }

        return null;
    }

    // «khoảng 7 8 triệu», «tầm 3-4tr», «3 đến 4 triệu một tháng»: two amounts sharing the unit said after the second.
    [GeneratedRegex(@"^(?:(?:khoang|tam|chung|tu|co|duoc|dc|thang|ca nha|ca ho|mot thang|1 thang)\s+)*(\d+(?:[.,]\d+)?)\s*(?:-|den|toi|hoac|hay|,|/)?\s*(\d+(?:[.,]\d+)?)\s*(trieu|tr|cu|nghin|ngan|k)\s*(?:(?:mot|1|moi)?\s*thang)?\s*(?:a|thoi)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RangePattern();

    /// <summary>
    /// A range of amounts told where one is asked («khoảng 7 8 triệu»): its two ends, the lower first; null when the text is
    /// no such range, or the ends are far apart (more than double), which is no estimate to take the middle of.
    /// </summary>
    public static (decimal Low, decimal High)? ParseRange(string? text)
    {
        var match = RangePattern().Match(FoldKeepingSeparators(text).Trim());
        if (!match.Success)
        {
            return null;
        }

        var unit = match.Groups[3].Value;
        return Parse($"{match.Groups[1].Value} {unit}") is { } low && Parse($"{match.Groups[2].Value} {unit}") is { } high && low > 0 && low < high && high <= low * 2
            ? (low, high)
            : null;
    }

    private static string FoldKeepingSeparators(string? text)
    {
        var clean = VietnameseText.Clean(text);
        var sb = new StringBuilder(clean.Length);
        foreach (var ch in clean.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(ch is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(ch));
        }

        return sb.ToString();
    }
}
