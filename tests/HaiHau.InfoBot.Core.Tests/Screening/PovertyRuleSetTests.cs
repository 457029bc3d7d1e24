using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Screening;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Screening;

/// <summary>
/// The NĐ 07/2021 rules at every boundary, with the thresholds of the repository's facts.yaml
/// (rural line 1.500.000, urban 2.000.000, 3 deprivations; average-living tops 2.250.000 / 3.000.000, unconfirmed).
/// </summary>
public sealed class PovertyRuleSetTests
{
    private static readonly IContentStore Content = EngineHarness.Repo.Content;
    private static readonly PovertyRuleSet Rules = new Nd07Of2021RuleSet();
    private static readonly DateOnly Day2026 = new(2026, 12, 2);

    [Theory]
    // area, members, household income per month, deprived indicators → classification
    [InlineData("rural", 4, 6_000_000, "1,4,7", "poor")]            // exactly the rural line, exactly 3 indicators
    [InlineData("rural", 4, 6_000_000, "1,4", "near_poor")]         // exactly the line, 2 indicators
    [InlineData("rural", 4, 6_000_004, "1,2,3,4,5", "average")]     // 1 đồng per person above the line: deprivations no longer matter
    [InlineData("rural", 3, 4_500_000, "", "near_poor")]            // 1.500.000 each, exactly
    [InlineData("rural", 3, 4_500_001, "", "average")]              // 1.500.000,33 each
    [InlineData("rural", 1, 1_500_000, "2,9,12", "poor")]           // a household of one
    [InlineData("rural", 1, 1_500_001, "2,9,12", "average")]
    [InlineData("rural", 1, 2_250_000, "", "average")]              // exactly the (unconfirmed) average top
    [InlineData("rural", 1, 2_250_001, "", "above")]
    [InlineData("urban", 1, 2_000_000, "1,2,3", "poor")]            // exactly the urban line
    [InlineData("urban", 1, 2_000_000, "1,2", "near_poor")]
    [InlineData("urban", 1, 1_800_000, "", "near_poor")]            // above the rural line, below the urban one
    [InlineData("rural", 1, 1_800_000, "", "average")]              // same household in a commune
    [InlineData("urban", 1, 2_000_001, "1,2,3,4", "average")]
    [InlineData("urban", 1, 3_000_000, "", "average")]
    [InlineData("urban", 1, 3_000_001, "", "above")]
    [InlineData("rural", 5, 0, "", "near_poor")]                    // no income at all
    [InlineData("rural", 5, 0, "1,2,3,4,5,6,7,8,9,10,11,12", "poor")]
    public void Classifies_at_every_boundary(string area, int members, long income, string deprived, string expected)
    {
        var result = Rules.Classify(Input(area, members, income, deprived), Content, Day2026);

        Assert.Equal(expected, ScreeningResult.WireName(result.Classification));
        Assert.Equal(area, ScreeningResult.WireName(result.Area));
        Assert.Equal("nd-07-2021", result.RuleSet);
    }

    [Fact]
    public void Per_capita_income_is_the_household_total_shared_by_every_member()
    {
        var result = Rules.Classify(Input("rural", 4, 5_000_000, "1,4,7"), Content, Day2026);

        Assert.Equal(1_250_000m, result.PerCapitaIncome);
        Assert.Equal(1_500_000m, result.IncomeLine);
        Assert.Equal(-250_000m, result.AboveLineBy);
        Assert.Equal(["viec-lam", "bao-hiem-y-te", "chat-luong-nha-o"], result.Deprived);
        Assert.Equal(3, result.DeprivedCount);
    }

    [Fact]
    public void Income_given_per_person_is_not_divided_again()
    {
        var input = Input("rural", 5, 1_500_000, "1,2,3") with { PerPerson = true };

        var result = Rules.Classify(input, Content, Day2026);

        Assert.Equal(1_500_000m, result.PerCapitaIncome);
        Assert.Equal(Classification.Poor, result.Classification);
    }

    [Fact]
    public void Unknown_answers_count_as_not_deprived_and_are_listed()
    {
        var input = Input("rural", 2, 2_000_000, "1,4") with { Unknown = C(9, 3) };

        var result = Rules.Classify(input, Content, Day2026);

        Assert.Equal(Classification.NearPoor, result.Classification);
        Assert.Equal(2, result.DeprivedCount);
        Assert.Equal(C(3, 9), result.Unknown);
        Assert.True(result.UnknownCouldMakePoor);
    }

    [Fact]
    public void One_unknown_answer_cannot_make_poor_a_household_missing_two()
    {
        var input = Input("rural", 1, 1_000_000, "1") with { Unknown = C(2) };

        var result = Rules.Classify(input, Content, Day2026);

        Assert.Equal(Classification.NearPoor, result.Classification);
        Assert.False(result.UnknownCouldMakePoor);
    }

    [Fact]
    public void Only_a_classification_above_the_line_rests_on_the_unconfirmed_average_top()
    {
        Assert.Empty(Rules.Classify(Input("rural", 1, 1_000_000, ""), Content, Day2026).UnconfirmedFacts);
        Assert.Equal(["muc-song-trung-binh-thanh-thi-toi-da"], Rules.Classify(Input("urban", 1, 2_500_000, ""), Content, Day2026).UnconfirmedFacts);
    }

    [Theory]
    [InlineData(0, 1_000_000, "", "at least 1 member")]
    [InlineData(2, -1, "", "cannot be negative")]
    [InlineData(2, 1_000_000, "13", "indicator \"13\" does not exist")]
    [InlineData(2, 1_000_000, "0", "indicator \"0\" does not exist")]
    public void Refuses_answers_that_cannot_describe_a_household(int members, long income, string deprived, string problem)
    {
        var input = Input("rural", members, income, deprived);

        Assert.Contains(input.Problems(), p => p.Contains(problem, StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => Rules.Classify(input, Content, Day2026));
    }

    [Fact]
    public void An_indicator_cannot_be_both_deprived_and_unknown()
    {
        var input = Input("rural", 2, 1_000_000, "4") with { Unknown = C(4) };

        Assert.Contains(input.Problems(), p => p.Contains("both", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2022-01-01", "nd-07-2021", false)]
    [InlineData("2025-12-31", "nd-07-2021", false)]
    [InlineData("2026-01-01", "nd-07-2021", false)] // NĐ 351/2025 keeps the 2022–2025 standard through 2026
    [InlineData("2026-12-31", "nd-07-2021", false)]
    [InlineData("2027-01-01", "nd-351-2025", false)]
    [InlineData("2030-12-31", "nd-351-2025", false)]
    [InlineData("2031-01-01", "nd-351-2025", true)]
    public void Picks_the_rule_set_of_the_day_and_says_when_its_period_is_over(string day, string id, bool ended)
    {
        var found = PovertyRuleSets.For(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.NotNull(found);
        Assert.Equal(id, found.Value.RuleSet.Id);
        Assert.Equal(ended, found.Value.PeriodEnded);
    }

    [Fact]
    public void Has_no_rules_for_2021_when_the_old_standard_still_applied()
    {
        Assert.Null(PovertyRuleSets.For(new DateOnly(2021, 12, 31)));
    }

    [Fact]
    public void The_local_day_is_vietnamese_time()
    {
        // 31/12/2025 17:00 UTC is already 1/1/2026 in Hải Hậu.
        Assert.Equal(new DateOnly(2026, 1, 1), PovertyRuleSets.LocalDay(new DateTimeOffset(2025, 12, 31, 17, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Every_rule_set_finds_its_thresholds_in_facts_yaml()
    {
        Assert.All(PovertyRuleSets.All, r => Assert.Empty(r.MissingFacts(Content)));
    }

    [Fact]
    public void The_twelve_indicators_of_nd_07_have_distinct_codes_and_officers_numbers_map_to_them()
    {
        Assert.Equal(12, DeprivationIndicators.Nd07Of2021.Select(i => i.Code).Distinct().Count());
        Assert.Equal("bao-hiem-y-te", DeprivationIndicators.FromNd07Number(4));
        Assert.Equal("tiep-can-thong-tin", DeprivationIndicators.FromNd07Number(12));
        Assert.Null(DeprivationIndicators.FromNd07Number(13));
    }

    private static ScreeningInput Input(string area, int members, long income, string deprived) => new(
        area == "urban" ? AreaKind.Urban : AreaKind.Rural,
        members,
        income,
        PerPerson: false,
        deprived.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            .Select(n => DeprivationIndicators.FromNd07Number(n) ?? n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
        []);

    private static List<string> C(params int[] numbers) => numbers.Select(n => DeprivationIndicators.FromNd07Number(n)!).ToList();
}
