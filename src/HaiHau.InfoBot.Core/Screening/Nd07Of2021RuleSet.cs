using HaiHau.InfoBot.Core.Content;

namespace HaiHau.InfoBot.Core.Screening;

/// <summary>
/// Multidimensional poverty standard 2022–2025, Nghị định 07/2021/NĐ-CP Art. 3, kept in force for 2026 by NĐ 351/2025
/// (policy-currency-2026.md Q1, [C]): per-capita income at or below the area's line and at least the threshold number
/// of deprivations → poor; at or below the line with fewer → near-poor; above the line up to the average-living upper
/// line → average (that upper line is only secondary-sourced: the result names it as unconfirmed); higher → above.
/// </summary>
public sealed class Nd07Of2021RuleSet : PovertyRuleSet
{
    public const string Threshold = "chuan-ngheo-nguong-chi-so-thieu-hut";
    public const string RuralAverageTop = "muc-song-trung-binh-nong-thon-toi-da";
    public const string UrbanAverageTop = "muc-song-trung-binh-thanh-thi-toi-da";

    public override string Id => "nd-07-2021";

    public override string LegalBasis => "Nghị định 07/2021/NĐ-CP, Điều 3 (áp dụng đến hết 31/12/2026 theo Nghị định 351/2025/NĐ-CP)";

    public override DateOnly ValidFrom => new(2022, 1, 1);

    public override DateOnly ValidTo => new(2026, 12, 31);

    public override IReadOnlyList<DeprivationIndicator> Indicators => DeprivationIndicators.Nd07Of2021;

    public override IReadOnlyList<string> FactKeys { get; } = [RuralLine, UrbanLine, Threshold, RuralAverageTop, UrbanAverageTop];

    public override ScreeningResult Classify(ScreeningInput input, IContentStore content, DateOnly day, bool periodEnded = false)
    {
        if (input.Problems(Indicators) is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(input));
        }

        var unconfirmed = new List<string>();
        var urban = input.Area == AreaKind.Urban;
        var line = Number(content, urban ? UrbanLine : RuralLine, day, unconfirmed);
        var threshold = (int)Number(content, Threshold, day, unconfirmed);
        var perCapita = input.PerCapita;
        var order = Indicators.Select(i => i.Code).ToList();
        var deprived = input.Deprived.Distinct().OrderBy(order.IndexOf).ToList();
        var unknown = input.Unknown.Distinct().OrderBy(order.IndexOf).ToList();

        Classification classification;
        if (perCapita <= line)
        {
            classification = deprived.Count >= threshold ? Classification.Poor : Classification.NearPoor;
        }
        else
        {
            // Only this comparison rests on an unconfirmed fact, so only here is it read (and reported).
            var averageTop = Number(content, urban ? UrbanAverageTop : RuralAverageTop, day, unconfirmed);
            classification = perCapita <= averageTop ? Classification.Average : Classification.Above;
        }

        return new ScreeningResult(classification, input.Area, perCapita, line, deprived.Count, threshold, deprived, unknown,
            Id, periodEnded, unconfirmed);
    }
}
