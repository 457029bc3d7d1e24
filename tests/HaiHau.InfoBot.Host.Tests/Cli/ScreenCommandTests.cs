using System.Text.Json;
using HaiHau.InfoBot.Host.Cli;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.Cli;

/// <summary>The officers' quick check: the screener's rules from the command line, one JSON object out.</summary>
public sealed class ScreenCommandTests
{
    private static readonly string[] Data = [$"--InfoBot:DialogsPath={RepoPaths.Dialogs}", $"--InfoBot:ContentPath={RepoPaths.Content}"];

    [Fact]
    public async Task Prints_the_classification_and_the_numbers_behind_it()
    {
        var (code, output, error) = await RunAsync("screen", "--commune", "Hải Châu", "--members", "4", "--income", "5000000",
            "--deprived", "1,4,7", "--unknown", "2", "--date", "2022-09-15");

        Assert.Equal(0, code);
        Assert.Empty(error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("poor", root.GetProperty("classification").GetString());
        Assert.Equal("rural", root.GetProperty("area").GetString());
        Assert.Equal(1_250_000, root.GetProperty("per_capita_income").GetDecimal());
        Assert.Equal(3, root.GetProperty("deprived_count").GetInt32());
        Assert.Equal(["viec-lam", "bao-hiem-y-te", "chat-luong-nha-o"], root.GetProperty("deprived").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["nguoi-phu-thuoc"], root.GetProperty("unknown").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("hai-thinh", root.GetProperty("commune").GetString());
        Assert.Equal("hai-chau", root.GetProperty("commune_named").GetString());
        Assert.Equal("nd-07-2021", root.GetProperty("rule_set").GetString());
        Assert.Single(output.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("TT Yên Định", "2000000", "near_poor", "urban")]   // exactly the urban line, no deprivation (2023: a town)
    [InlineData("hai-chau", "2000000", "average", "rural")]        // the same income in a commune
    [InlineData("thinh long", "0", "near_poor", "urban")]
    [InlineData("xã Hải Thịnh", "2000000", "average", "rural")]
    public async Task Towns_use_the_urban_line(string commune, string income, string classification, string area)
    {
        var (code, output, _) = await RunAsync("screen", "--commune", commune, "--members", "1", "--income", income, "--date", "2023-03-01");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(classification, json.RootElement.GetProperty("classification").GetString());
        Assert.Equal(area, json.RootElement.GetProperty("area").GetString());
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_message_in_both_languages_and_exit_code_1()
    {
        var (code, output, error) = await RunAsync("screen", "--commune", "Hà Nội", "--members", "0", "--income", "nhiều", "--deprived", "1,13");

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("Không tìm thấy xã «Hà Nội»", error, StringComparison.Ordinal);
        Assert.Contains("--members must be a whole number", error, StringComparison.Ordinal);
        Assert.Contains("Thu nhập phải là số tiền đồng", error, StringComparison.Ordinal);
        Assert.Contains("«13» không phải chỉ số", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_indicator_both_deprived_and_unknown_is_refused()
    {
        var (code, _, error) = await RunAsync("screen", "--commune", "hai-chau", "--members", "2", "--income", "1000000", "--deprived", "4", "--unknown", "4");

        Assert.Equal(1, code);
        Assert.Contains("indicator \"bao-hiem-y-te\" is given both as deprived and as unknown", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Has_no_rules_before_the_2022_standard()
    {
        var (code, _, error) = await RunAsync("screen", "--commune", "hai-chau", "--members", "2", "--income", "1000000", "--date", "2021-06-01");

        Assert.Equal(1, code);
        Assert.Contains("Không có bộ quy tắc cho ngày 01/06/2021", error, StringComparison.Ordinal);
    }

    [Theory]
    // --date picks the rule set and the map of that day
    [InlineData("TT Yên Định", "2025-06-30", "nd-07-2021", "urban", false, 2_000_000)]
    [InlineData("TT Yên Định", "2025-07-01", "nd-07-2021", "rural", true, 1_500_000)]
    [InlineData("TT Yên Định", "2026-12-31", "nd-07-2021", "rural", true, 1_500_000)]
    [InlineData("TT Yên Định", "2027-01-01", "nd-351-2025", "rural", true, 2_200_000)]
    [InlineData("Hải Bắc", "2027-01-15", "nd-351-2025", "rural", false, 2_200_000)]
    public async Task Screen_date_picks_the_rules_and_the_map_of_that_day(string commune, string day, string ruleSet, string area, bool formerTown, long line)
    {
        var (code, output, _) = await RunAsync("screen", "--commune", commune, "--members", "1", "--income", "1000000", "--date", day);

        Assert.Equal(0, code);
        var root = System.Text.Json.JsonDocument.Parse(output).RootElement;
        Assert.Equal(ruleSet, root.GetProperty("rule_set").GetString());
        Assert.Equal(area, root.GetProperty("area").GetString());
        Assert.Equal(formerTown, root.GetProperty("former_town_area_to_confirm").GetBoolean());
        Assert.Equal(line, root.GetProperty("income_line").GetDecimal());
    }

    [Fact]
    public async Task Under_the_2027_standard_it_never_says_poor()
    {
        var (_, output, _) = await RunAsync("screen", "--commune", "Hải Hưng", "--members", "4", "--income", "4000000", "--deprived", "1,2,3,4,5", "--date", "2027-01-15");

        var root = System.Text.Json.JsonDocument.Parse(output).RootElement;
        Assert.Equal("income_at_or_below_line", root.GetProperty("classification").GetString());
        Assert.False(root.GetProperty("indicators_known").GetBoolean());
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parse = InfoBotCommandLine.Create(new StringReader(string.Empty), output, error).Parse([.. args, .. Data]);
        var code = await parse.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        return (code, output.ToString(), error.ToString());
    }
}
