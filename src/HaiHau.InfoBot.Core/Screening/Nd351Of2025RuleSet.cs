using HaiHau.InfoBot.Core.Content;

namespace HaiHau.InfoBot.Core.Screening;

/// <summary>
/// Multidimensional poverty standard 2026–2030, Nghị định 351/2025/NĐ-CP, applied from 1/1/2027 (policy-currency-2026.md
/// Q1): income lines 2.200.000 rural / 2.800.000 urban [C]. Its deprivation indicators, thresholds and the
/// average-living band are not known [U], so this rule set tests income only: above the line the household is
/// certainly neither poor nor near-poor; at or below it, which of the two is for the commune to assess. It never
/// gives a poor/near-poor verdict that would rest on unknown indicators. When the list is confirmed, give it codes here.
/// </summary>
public sealed class Nd351Of2025RuleSet : PovertyRuleSet
{
    public override string Id => "nd-351-2025";

    public override string LegalBasis => "Nghị định 351/2025/NĐ-CP (chuẩn nghèo đa chiều giai đoạn 2026–2030, áp dụng từ 1/1/2027)";

    public override DateOnly ValidFrom => new(2027, 1, 1);

    public override DateOnly ValidTo => new(2030, 12, 31);

    public override IReadOnlyList<DeprivationIndicator>? Indicators => null;

    public override IReadOnlyList<string> FactKeys { get; } = [RuralLine, UrbanLine];

    public override ScreeningResult Classify(ScreeningInput input, IContentStore content, DateOnly day, bool periodEnded = false)
    {
        if (input.Members < 1 || input.MonthlyIncome < 0)
        {
            throw new ArgumentException(string.Join("; ", input.Problems()), nameof(input));
        }

        var unconfirmed = new List<string>();
        var line = Number(content, input.Area == AreaKind.Urban ? UrbanLine : RuralLine, day, unconfirmed);
        var classification = input.PerCapita <= line ? Classification.IncomeAtOrBelowLine : Classification.NotPoor;

        // The answers to the old indicators say nothing certain about the new ones: they are not counted.
        return new ScreeningResult(classification, input.Area, input.PerCapita, line, 0, 0, [], [], Id, periodEnded, unconfirmed)
        {
            IndicatorsKnown = false,
        };
    }
}
