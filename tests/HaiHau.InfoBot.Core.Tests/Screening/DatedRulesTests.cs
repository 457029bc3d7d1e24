using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Screening;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Screening;

/// <summary>
/// Figures and rules switch by themselves on the days the law changes (policy-currency-2026.md): base salary on
/// 1/7/2026, income lines and rule set on 1/1/2027; a coming change is told within 60 days, never earlier.
/// </summary>
public sealed class DatedRulesTests
{
    private static readonly ContentCatalog Content = EngineHarness.Repo.Content;

    [Theory]
    [InlineData("luong-co-so", "2026-04-30", "2.340.000 đồng")]
    [InlineData("luong-co-so", "2026-06-30", "2.340.000 đồng (từ 1/7/2026: 2.530.000 đồng)")]
    [InlineData("luong-co-so", "2026-07-01", "2.530.000 đồng")]
    [InlineData("bhyt-nguong-chi-phi-mot-lan-dong", "2026-06-30", "351.000 đồng (từ 1/7/2026: 379.500 đồng)")]
    [InlineData("bhyt-nguong-chi-phi-mot-lan-dong", "2026-07-01", "379.500 đồng")]
    [InlineData("bhyt-cung-chi-tra-dong", "2026-07-01", "15.180.000 đồng")]
    [InlineData("bhyt-muc-huong-ho-can-ngheo", "2025-12-31", "95% (từ 1/1/2026: 100%)")]
    [InlineData("bhyt-muc-huong-ho-can-ngheo", "2026-01-01", "100%")]
    [InlineData("vay-gqvl-muc-toi-da-nguoi-lao-dong", "2026-01-01", "200.000.000 đồng")]
    [InlineData("chuan-ngheo-nong-thon", "2026-10-01", "1.500.000 đồng")] // a change 92 days away is not told yet
    [InlineData("chuan-ngheo-nong-thon", "2026-12-02", "1.500.000 đồng (từ 1/1/2027: 2.200.000 đồng)")]
    [InlineData("chuan-ngheo-nong-thon", "2026-12-31", "1.500.000 đồng (từ 1/1/2027: 2.200.000 đồng)")]
    [InlineData("chuan-ngheo-nong-thon", "2027-01-01", "2.200.000 đồng")]
    [InlineData("chuan-ngheo-thanh-thi", "2026-12-31", "2.000.000 đồng (từ 1/1/2027: 2.800.000 đồng)")]
    [InlineData("chuan-ngheo-thanh-thi", "2027-01-15", "2.800.000 đồng")]
    [InlineData("chuan-ngheo-giai-doan", "2027-01-15", "2026–2030")]
    [InlineData("chuong-trinh-giai-doan", "2026-12-02", "2026–2035")]
    [InlineData("so-xa", "2025-06-30", "24 (từ 1/7/2025: 8)")]
    [InlineData("so-xa", "2025-07-01", "8")]
    public void A_fact_says_the_value_in_force_that_day_and_a_change_within_sixty_days(string key, string day, string expected)
    {
        var fact = Content.FindFact(key)!;

        Assert.Equal(expected, FactFormatter.Format(fact, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void An_unconfirmed_coming_value_is_not_announced()
    {
        // The 2027 deprivation threshold is single-source: December 2026 says only today's figure.
        Assert.Equal("3 chỉ số", FactFormatter.Format(Content.FindFact("chuan-ngheo-nguong-chi-so-thieu-hut")!, new DateOnly(2026, 12, 2)));
    }

    [Fact]
    public void A_fact_that_has_ended_has_no_value_and_says_so_instead_of_an_old_figure()
    {
        var fact = Content.FindFact("ke-hoach-ho-tro-bhyt-ho-nong-nghiep")!;

        Assert.Null(fact.On(new DateOnly(2026, 12, 2)));
        Assert.Equal(FactFormatter.NoValue, FactFormatter.Format(fact, new DateOnly(2026, 12, 2)));
    }

    [Theory]
    // day, area, income per person → rule set, classification, line
    [InlineData("2026-12-31", "rural", 1_500_000, "nd-07-2021", "near_poor", 1_500_000)]
    [InlineData("2027-01-01", "rural", 1_500_000, "nd-351-2025", "income_at_or_below_line", 2_200_000)]
    [InlineData("2026-12-31", "rural", 1_500_001, "nd-07-2021", "average", 1_500_000)]
    [InlineData("2027-01-01", "rural", 2_200_000, "nd-351-2025", "income_at_or_below_line", 2_200_000)]
    [InlineData("2027-01-01", "rural", 2_200_001, "nd-351-2025", "not_poor", 2_200_000)]
    [InlineData("2026-12-31", "urban", 2_000_000, "nd-07-2021", "near_poor", 2_000_000)]
    [InlineData("2027-01-01", "urban", 2_800_000, "nd-351-2025", "income_at_or_below_line", 2_800_000)]
    [InlineData("2027-01-15", "urban", 2_800_001, "nd-351-2025", "not_poor", 2_800_000)]
    public void The_income_line_and_rules_switch_on_1_january_2027(string day, string area, long perPerson, string ruleSet, string classification, long line)
    {
        var input = new ScreeningInput(area == "urban" ? AreaKind.Urban : AreaKind.Rural, 1, perPerson, PerPerson: true, [], []);

        var result = PovertyRuleSets.Screen(input, Content, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))!;

        Assert.Equal(ruleSet, result.RuleSet);
        Assert.Equal(classification, ScreeningResult.WireName(result.Classification));
        Assert.Equal(line, result.IncomeLine);
    }

    [Fact]
    public void Under_the_2027_standard_no_verdict_rests_on_indicators_it_does_not_know()
    {
        // Deprived in every old indicator, income at the line: still no "poor" verdict, only "at or below the line".
        var all = DeprivationIndicators.Nd07Of2021.Select(i => i.Code).ToList();
        var input = new ScreeningInput(AreaKind.Rural, 4, 4_000_000, PerPerson: false, all, []);

        var result = PovertyRuleSets.Screen(input, Content, new DateOnly(2027, 1, 15))!;

        Assert.Equal(Classification.IncomeAtOrBelowLine, result.Classification);
        Assert.False(result.IndicatorsKnown);
        Assert.Empty(result.Deprived);
        Assert.Null(result.NextLine);
    }

    [Theory]
    [InlineData("2026-11-01", 1_800_000, null, false)]        // 61 days before: not yet
    [InlineData("2026-11-02", 1_800_000, 2_200_000L, true)]   // 60 days before
    [InlineData("2026-12-02", 1_800_000, 2_200_000L, true)]   // between the two lines: go to UBND xã now
    [InlineData("2026-12-02", 2_300_000, 2_200_000L, false)]  // above the coming line too
    [InlineData("2027-01-15", 1_800_000, null, false)]
    public void In_december_2026_the_result_knows_the_line_rises_on_1_january(string day, long perPerson, long? next, bool near)
    {
        var input = new ScreeningInput(AreaKind.Rural, 1, perPerson, PerPerson: true, [], []);

        var result = PovertyRuleSets.Screen(input, Content, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))!;

        Assert.Equal(next, (long?)result.NextLine);
        Assert.Equal(near, result.NearComingLine);
        Assert.Equal(next is null ? null : new DateOnly(2027, 1, 1), result.NextLineFrom);
    }
}
