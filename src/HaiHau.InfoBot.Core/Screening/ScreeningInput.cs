using HaiHau.InfoBot.Core.Content;

namespace HaiHau.InfoBot.Core.Screening;

/// <summary>
/// What a household says about itself. <see cref="MonthlyIncome"/> is in đồng per month, for the whole household
/// or per person as <see cref="PerPerson"/> says. Indicators are named by code (<see cref="DeprivationIndicators"/>);
/// one neither deprived nor unknown was answered "no". An unknown answer counts as not deprived (the result lists it).
/// </summary>
public sealed record ScreeningInput(
    AreaKind Area,
    int Members,
    decimal MonthlyIncome,
    bool PerPerson,
    IReadOnlyCollection<string> Deprived,
    IReadOnlyCollection<string> Unknown)
{
    /// <summary>Problems with the answers themselves (English, for officers and logs); empty when usable.</summary>
    public IReadOnlyList<string> Problems(IReadOnlyList<DeprivationIndicator>? indicators = null)
    {
        indicators ??= DeprivationIndicators.Nd07Of2021;
        var problems = new List<string>();
        if (Members < 1)
        {
            problems.Add("the household must have at least 1 member");
        }

        if (MonthlyIncome < 0)
        {
            problems.Add("income cannot be negative");
        }

        foreach (var code in Deprived.Concat(Unknown).Where(c => indicators.All(i => i.Code != c)).Distinct())
        {
            problems.Add($"indicator \"{code}\" does not exist (known: {string.Join(", ", indicators.Select(i => i.Code))})");
        }

        foreach (var code in Deprived.Intersect(Unknown))
        {
            problems.Add($"indicator \"{code}\" is given both as deprived and as unknown");
        }

        return problems;
    }

    public decimal PerCapita => PerPerson ? MonthlyIncome : MonthlyIncome / Members;
}
