using HaiHau.InfoBot.Core.Content;

namespace HaiHau.InfoBot.Core.Screening;

/// <summary>The estimate: never a decision. Only the commune review (rà soát) decides.</summary>
public enum Classification
{
    Poor,
    NearPoor,
    Average,
    Above,

    /// <summary>Income at or below the line, but the standard's indicators are not known: poor or near-poor is the commune's call.</summary>
    IncomeAtOrBelowLine,

    /// <summary>Income above the line: certainly neither poor nor near-poor (the rest of the scale is not known).</summary>
    NotPoor,
}

/// <summary>
/// What the rules found, with the numbers behind it so the dialog can explain it. Money is in đồng per person per
/// month. <see cref="UnconfirmedFacts"/> names thresholds the classification used that are not confirmed: the bot
/// never states them as facts. <see cref="NextLine"/> is the income line of the next period when it starts within
/// <see cref="FactFormatter.AnnounceDays"/> days (December 2026: 2.200.000 from 1/1/2027).
/// </summary>
public sealed record ScreeningResult(
    Classification Classification,
    AreaKind Area,
    decimal PerCapitaIncome,
    decimal IncomeLine,
    int DeprivedCount,
    int DeprivationThreshold,
    IReadOnlyList<string> Deprived,
    IReadOnlyList<string> Unknown,
    string RuleSet,
    bool PeriodEnded,
    IReadOnlyList<string> UnconfirmedFacts)
{
    /// <summary>False when the standard's deprivation indicators are not known (NĐ 351/2025 today).</summary>
    public bool IndicatorsKnown { get; init; } = true;

    public decimal? NextLine { get; init; }

    public DateOnly? NextLineFrom { get; init; }

    /// <summary>How far per-capita income is from the poverty income line (positive: above it).</summary>
    public decimal AboveLineBy => PerCapitaIncome - IncomeLine;

    public bool IncomeAtOrBelowLine => PerCapitaIncome <= IncomeLine;

    /// <summary>Income at or below the line that comes into force soon: the household should see the commune now.</summary>
    public bool NearComingLine => NextLine is { } next && PerCapitaIncome <= next;

    /// <summary>True when the unknown answers, if they were deprivations, would make the household poor.</summary>
    public bool UnknownCouldMakePoor =>
        Classification == Classification.NearPoor && DeprivedCount + Unknown.Count >= DeprivationThreshold;

    public static string WireName(Classification c) => c switch
    {
        Classification.Poor => "poor",
        Classification.NearPoor => "near_poor",
        Classification.Average => "average",
        Classification.IncomeAtOrBelowLine => "income_at_or_below_line",
        Classification.NotPoor => "not_poor",
        _ => "above",
    };

    public static string WireName(AreaKind area) => area == AreaKind.Urban ? "urban" : "rural";
}
