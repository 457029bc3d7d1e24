using System.Globalization;
using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// What a resident told about their own case in a free-text message (issue 12 §3): household size, monthly income
/// (for the household or per person), commune, category, age. Read so the bot can answer for their case and not ask
/// again; never stored beyond the conversation.
/// </summary>
public sealed partial record ResidentCase(int? Members, decimal? MonthlyIncome, bool IncomePerPerson, string? Commune, string? Category, int? Age)
{
    public const string Poor = "poor";
    public const string NearPoor = "near_poor";
    public const string Escaped = "escaped";

    public static readonly ResidentCase None = new(null, null, false, null, null, null);

    /// <summary>Enough to compute the income test: how many people and how much they earn.</summary>
    public bool HasIncomeTest => Members is >= 1 && MonthlyIncome is not null;

    [GeneratedRegex(@"\b(\d{1,2}|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)\s*(?:nguoi|khau|nhan khau|thanh vien|mieng an)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MembersPattern();

    // An amount with a unit ("3 triệu", "3tr5", "800k", "2 triệu rưỡi") or in full ("3.000.000").
    [GeneratedRegex(@"\b\d+(?:[.,]\d+)?\s*(?:trieu|tr|cu|nghin|ngan|k)(?:\s*(?:\d+|ruoi))?\b|\b\d{1,3}(?:[.,]\d{3}){2,}\s*(?:d|dong|vnd)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"\b(\d{1,3})\s*tuoi\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgePattern();

    [GeneratedRegex(@"^\s*(?:/|mot|moi|1|tren|cho|mot)?\s*(?:nguoi|khau|dau nguoi)", RegexOptions.CultureInvariant)]
    private static partial Regex PerPersonAfter();

    [GeneratedRegex(@"^\s*(?:/|mot|moi|1|trong|ca)?\s*nam\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearlyAfter();

    [GeneratedRegex(@"(?:binh quan|moi nguoi|dau nguoi|moi khau)[^.,;?]{0,25}$", RegexOptions.CultureInvariant)]
    private static partial Regex PerPersonBefore();

    public static ResidentCase Read(string? text, IContentStore? content = null)
    {
        var folded = VietnameseText.Fold(VietnameseText.Clean(text));
        if (folded.Length == 0)
        {
            return None;
        }

        int? members = MembersPattern().Match(folded) is { Success: true } m && VietnameseNumber.Parse(m.Groups[1].Value) is { } n && n is >= 1 and <= 30
            ? (int)n
            : null;
        decimal? income = null;
        var perPerson = false;
        foreach (Match money in MoneyPattern().Matches(folded))
        {
            var written = money.Value.TrimEnd();
            written = written.EndsWith(" dong", StringComparison.Ordinal) ? written[..^5] : written.EndsWith(" vnd", StringComparison.Ordinal) ? written[..^4] : written.TrimEnd('d');
            if (VietnameseNumber.Parse(written) is not { } amount || amount < 50_000)
            {
                continue;
            }

            var after = folded[(money.Index + money.Length)..];
            perPerson = PerPersonAfter().IsMatch(after) || PerPersonBefore().IsMatch(folded[..money.Index]);
            income = YearlyAfter().IsMatch(after) ? Math.Round(amount / 12) : amount;
            break;
        }

        int? age = AgePattern().Match(folded) is { Success: true } a && int.TryParse(a.Groups[1].Value, CultureInfo.InvariantCulture, out var years) && years is > 0 and < 120
            ? years
            : null;
        var category = folded.Contains("moi thoat ngheo", StringComparison.Ordinal) ? Escaped
            : Regex.IsMatch(folded, @"\b(?:la|thuoc|dang la|co so|trong danh sach)\s+(?:ho\s+)?can ngheo\b") ? NearPoor
            : Regex.IsMatch(folded, @"\b(?:la|thuoc|dang la|co so|trong danh sach)\s+ho ngheo\b") ? Poor
            : null;
        var commune = content is null ? null : CommuneMatcher.Match(content, text)?.Code;
        return new ResidentCase(members, income, perPerson, commune, category, age);
    }
}
