using HaiHau.InfoBot.Core.Content;

namespace HaiHau.InfoBot.Core.Screening;

/// <summary>The estimate: never a decision. Only the commune review (rà soát) decides.</summary>
public enum Classification
{
    Poor,
    NearPoor,
    Average,
    Above,
}

/// <summary>
/// What the rules found, with the numbers behind it so the dialog can explain it. Money is in đồng per person per
/// month. <see cref="UnconfirmedFacts"/> names thresholds the classification used that policy-facts.md does not
/// confirm (the average-living-standard upper line): the bot never states them as facts.
/// </summary>
public sealed record ScreeningResult(
    Classification Classification,
    AreaKind Area,
    decimal PerCapitaIncome,
    decimal IncomeLine,
    int DeprivedCount,
    int DeprivationThreshold,
    IReadOnlyList<int> Deprived,
    IReadOnlyList<int> Unknown,
    string RuleSet,
    bool PeriodEnded,
    IReadOnlyList<string> UnconfirmedFacts)
{
    /// <summary>How far per-capita income is from the poverty income line (positive: above it).</summary>
    public decimal AboveLineBy => PerCapitaIncome - IncomeLine;

    public bool IncomeAtOrBelowLine => PerCapitaIncome <= IncomeLine;

    /// <summary>True when the unknown answers, if they were deprivations, would make the household poor.</summary>
    public bool UnknownCouldMakePoor =>
        Classification == Classification.NearPoor && DeprivedCount + Unknown.Count >= DeprivationThreshold;

    public static string WireName(Classification c) => c switch
    {
        Classification.Poor => "poor",
        Classification.NearPoor => "near_poor",
        Classification.Average => "average",
        _ => "above",
    };

    public static string WireName(AreaKind area) => area == AreaKind.Urban ? "urban" : "rural";
}
