using HaiHau.InfoBot.Core.Content;

namespace HaiHau.InfoBot.Core.Screening;

/// <summary>
/// What a household says about itself. <see cref="MonthlyIncome"/> is in đồng per month, for the whole household
/// or per person as <see cref="PerPerson"/> says. Indicators are numbered 1–12; one neither deprived nor unknown
/// was answered "no". An unknown answer counts as not deprived (the result lists it).
/// </summary>
public sealed record ScreeningInput(
    AreaKind Area,
    int Members,
    decimal MonthlyIncome,
    bool PerPerson,
    IReadOnlyCollection<int> Deprived,
    IReadOnlyCollection<int> Unknown)
{
    /// <summary>Problems with the answers themselves (English, for officers and logs); empty when usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Members < 1)
        {
            problems.Add("the household must have at least 1 member");
        }

        if (MonthlyIncome < 0)
        {
            problems.Add("income cannot be negative");
        }

        foreach (var n in Deprived.Concat(Unknown).Where(n => !DeprivationIndicators.IsValid(n)).Distinct())
        {
            problems.Add($"indicator {n} does not exist (they are numbered 1 to {DeprivationIndicators.Count})");
        }

        foreach (var n in Deprived.Intersect(Unknown))
        {
            problems.Add($"indicator {n} is given both as deprived and as unknown");
        }

        return problems;
    }
}
