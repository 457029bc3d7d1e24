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
        Assert.Equal([1, 4, 7], root.GetProperty("deprived").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([2], root.GetProperty("unknown").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("nd-07-2021", root.GetProperty("rule_set").GetString());
        Assert.Single(output.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("TT Yên Định", "2000000", "near_poor", "urban")]   // exactly the urban line, no deprivation
    [InlineData("hai-chau", "2000000", "average", "rural")]        // the same income in a commune
    [InlineData("thinh long", "0", "near_poor", "urban")]
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
        Assert.Contains("Không tìm thấy xã, thị trấn «Hà Nội»", error, StringComparison.Ordinal);
        Assert.Contains("--members must be a whole number", error, StringComparison.Ordinal);
        Assert.Contains("Thu nhập phải là số tiền đồng", error, StringComparison.Ordinal);
        Assert.Contains("«13» không phải số chỉ số từ 1 đến 12", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_indicator_both_deprived_and_unknown_is_refused()
    {
        var (code, _, error) = await RunAsync("screen", "--commune", "hai-chau", "--members", "2", "--income", "1000000", "--deprived", "4", "--unknown", "4");

        Assert.Equal(1, code);
        Assert.Contains("indicator 4 is given both as deprived and as unknown", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Has_no_rules_before_the_2022_standard()
    {
        var (code, _, error) = await RunAsync("screen", "--commune", "hai-chau", "--members", "2", "--income", "1000000", "--date", "2021-06-01");

        Assert.Equal(1, code);
        Assert.Contains("Không có bộ quy tắc cho ngày 01/06/2021", error, StringComparison.Ordinal);
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
