using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Content;

/// <summary>
/// Content checked on a day: `validate` refuses texts that use a fact without a confirmed value that day or cite a
/// repealed act; `review content` lists what will need a human within N days. Fixtures are copies of the repository's
/// content with one fact and one article added, at a fixed day (2/12/2026).
/// </summary>
public sealed class ContentCurrencyTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Review_lists_a_fact_expiring_in_ten_days_with_the_texts_that_use_it()
    {
        var content = Fixture(validTo: Today.AddDays(10));
        var data = BotDataLoader.Load(RepoPaths.Dialogs, content);
        Assert.True(data.IsValid, string.Join("\n", data.Problems));

        var items = ContentCurrency.Review(data, RepoPaths.Dialogs, content, Today, 60);

        var item = Assert.Single(items, i => i.Message.Contains("\"thu-sap-het\"", StringComparison.Ordinal));
        Assert.Equal("content/facts.yaml", item.Location.File);
        Assert.Contains("ends on 12/12/2026, and no value follows", item.Message, StringComparison.Ordinal);
        Assert.Contains("used by content/articles/thu.md:8:", item.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_does_not_list_a_change_beyond_its_window()
    {
        var content = Fixture(validTo: Today.AddDays(10));
        var data = BotDataLoader.Load(RepoPaths.Dialogs, content);

        Assert.DoesNotContain(ContentCurrency.Review(data, RepoPaths.Dialogs, content, Today, 9), i => i.Message.Contains("\"thu-sap-het\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_accepts_the_text_while_its_fact_is_in_force_and_refuses_it_at_its_line_the_day_after()
    {
        var content = Fixture(validTo: Today.AddDays(10));
        var data = BotDataLoader.Load(RepoPaths.Dialogs, content);

        Assert.DoesNotContain(ContentCurrency.Check(data, RepoPaths.Dialogs, content, Today.AddDays(10)), p => p.Location.File == "content/articles/thu.md");
        var problem = Assert.Single(ContentCurrency.Check(data, RepoPaths.Dialogs, content, Today.AddDays(11)), p => p.Location.File == "content/articles/thu.md");
        Assert.Equal("content/articles/thu.md:8:10: fact \"thu-sap-het\" has no value on 13/12/2026: a resident would read no figure", problem.ToString());
    }

    [Fact]
    public void Validate_refuses_a_fact_that_is_not_confirmed_on_the_day()
    {
        var content = Fixture(validTo: Today.AddDays(10), confirmedAfter: false);
        var data = BotDataLoader.Load(RepoPaths.Dialogs, content);

        Assert.Contains(ContentCurrency.Check(data, RepoPaths.Dialogs, content, Today.AddDays(11)),
            p => p.ToString() == "content/articles/thu.md:8:10: fact \"thu-sap-het\" is not confirmed on 13/12/2026 and may not be told to residents");
    }

    [Theory]
    [InlineData("Nghị định 146/2018/NĐ-CP, Điều 14", "2025-08-15", true)]
    [InlineData("Nghị định 146/2018/NĐ-CP, Điều 14", "2025-08-14", false)] // not yet repealed that day
    [InlineData("Nghị định 188/2025/NĐ-CP", "2026-12-02", false)]
    [InlineData("Luật Việc làm năm 2013, Điều 36", "2026-12-02", true)]
    [InlineData("Nghị định 13/2023/NĐ-CP (đã hết hiệu lực, thay bằng Luật 91/2025/QH15)", "2026-12-02", false)] // history, not a citation
    public void Validate_refuses_an_article_citing_a_repealed_act_in_its_sources(string source, string day, bool refused)
    {
        var content = Fixture(validTo: null, source: source);
        var data = BotDataLoader.Load(RepoPaths.Dialogs, content);

        var problems = ContentCurrency.Check(data, RepoPaths.Dialogs, content, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(refused, problems.Any(p => p.Location.File == "content/articles/thu.md" && p.Location.Line == 6 && p.Message.StartsWith("cites ", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_repository_facts_in_force_today_rest_on_no_repealed_act()
    {
        var data = EngineHarness.Repo;

        Assert.DoesNotContain(ContentCurrency.Check(data, RepoPaths.Dialogs, RepoPaths.Content, Today), p => p.Location.File == "content/facts.yaml");
    }

    [Fact]
    public void The_screener_dialog_uses_only_facts_confirmed_in_december_2026_and_january_2027()
    {
        var data = EngineHarness.Repo;
        foreach (var day in new[] { Today, new DateOnly(2027, 1, 15) })
        {
            var problems = ContentCurrency.Check(data, RepoPaths.Dialogs, RepoPaths.Content, day)
                .Where(p => p.Location.File == "dialogs/kiem-tra-ho-ngheo.yaml" && !p.Message.Contains("nguong-chi-so-thieu-hut", StringComparison.Ordinal));
            Assert.Empty(problems);
        }
    }

    private string Fixture(DateOnly? validTo, bool confirmedAfter = true, string source = "Nguồn thử")
    {
        var content = RepoPaths.CopyFolder(RepoPaths.Content, Path.Combine(_folder.Path, "content"));

        var to = validTo is { } d ? $"\n        valid_to: {d:yyyy-MM-dd}" : string.Empty;
        var after = confirmedAfter
            ? string.Empty
            : $"\n      - value: 200\n        valid_from: {validTo!.Value.AddDays(1):yyyy-MM-dd}\n        legal_basis: \"B2\"\n        confirmed: false";
        File.AppendAllText(Path.Combine(content, "facts.yaml"), $"""

              - key: thu-sap-het
                kind: money
                label: "Thử"
                values:
                  - value: 100{to}
                    legal_basis: "B"
                    confirmed: true{after}

            """);
        File.WriteAllText(Path.Combine(content, "articles", "thu.md"), $"""
            ---
            id: thu
            title: Thử
            topic: credit
            summary: Thử.
            sources: ["{source}"]
            ---
            Mức thử: {'{'}fact:thu-sap-het{'}'}.
            """);
        return content;
    }
}
