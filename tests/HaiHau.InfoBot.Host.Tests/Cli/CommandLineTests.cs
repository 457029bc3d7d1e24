using HaiHau.InfoBot.Host.Cli;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.Cli;

/// <summary>The executable's verbs, run in-process with captured input and output.</summary>
public sealed class CommandLineTests : HostTestBase
{
    private const string BrokenDialog = """
        id: hong
        spec_version: 1
        title: Hỏng
        start: hoi
        nodes:
          - id: hoi
            type: ask_choice
            text: "Chọn đi"
            choices:
              - { id: a, label: "A", next: hoi-tiep }
        """;

    [Fact]
    public async Task Validate_passes_on_the_repository_data()
    {
        var (code, output, _) = await RunAsync(["validate", $"--InfoBot:DialogsPath={RepoPaths.Dialogs}", $"--InfoBot:ContentPath={RepoPaths.Content}"]);

        Assert.Equal(0, code);
        Assert.Matches(@"OK: \d+ dialogs, \d+ articles, \d+ facts, 34 communes\.", output);
    }

    [Fact]
    public async Task Validate_lists_each_problem_with_file_line_and_column_and_fails()
    {
        var dialogs = BrokenDialogsFolder();

        var (code, _, error) = await RunAsync(["validate", $"--InfoBot:DialogsPath={dialogs}", $"--InfoBot:ContentPath={RepoPaths.Content}"]);

        Assert.Equal(1, code);
        Assert.Contains("dialogs/hong.yaml:10:36: next \"hoi-tiep\" does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_refuses_to_start_on_broken_dialogs_and_names_the_problem()
    {
        var dialogs = BrokenDialogsFolder();

        var (code, _, error) = await RunAsync([
            "serve", "--urls", "http://127.0.0.1:0", $"--InfoBot:DialogsPath={dialogs}", $"--InfoBot:ContentPath={RepoPaths.Content}",
            $"--ConnectionStrings:InfoBot={Folder.SqliteConnectionString()}", "--Serilog:MinimumLevel:Default=Fatal"]);

        Assert.Equal(2, code);
        Assert.Contains("The bot cannot start", error, StringComparison.Ordinal);
        Assert.Contains("dialogs/hong.yaml:10:36: next \"hoi-tiep\" does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminal_chat_numbers_the_choices_and_continues_the_same_conversation_next_time()
    {
        string[] args = ["chat", $"--ConnectionStrings:InfoBot={Folder.SqliteConnectionString()}",
            $"--InfoBot:DialogsPath={RepoPaths.Dialogs}", $"--InfoBot:ContentPath={RepoPaths.Content}"];

        var (code, first, _) = await RunAsync(args, "2\n/thoat\n");
        var (_, second, _) = await RunAsync(args, "1\n/thoat\n");

        Assert.Equal(0, code);
        Assert.Contains("  2. Bảo hiểm y tế", first, StringComparison.Ordinal);
        Assert.Contains("Hộ nhà bác đang thuộc diện nào?", first, StringComparison.Ordinal);
        Assert.Contains("(Tiếp tục cuộc trò chuyện trước.)", second, StringComparison.Ordinal);
        Assert.Contains("BẢO HIỂM Y TẾ CHO NGƯỜI THUỘC HỘ NGHÈO", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_explains_the_verbs_in_plain_words()
    {
        var (code, output, _) = await RunAsync(["--help"]);

        Assert.Equal(0, code);
        Assert.Contains("serve", output, StringComparison.Ordinal);
        Assert.Contains("chat", output, StringComparison.Ordinal);
        Assert.Contains("validate", output, StringComparison.Ordinal);
        Assert.Contains("screen", output, StringComparison.Ordinal);
        Assert.Contains("import", output, StringComparison.Ordinal);
    }

    private string BrokenDialogsFolder()
    {
        var dialogs = Path.Combine(Folder.Path, "dialogs");
        Directory.CreateDirectory(dialogs);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Dialogs, "*.yaml"))
        {
            File.Copy(file, Path.Combine(dialogs, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(dialogs, "hong.yaml"), BrokenDialog);
        return dialogs;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args, string input = "")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parse = InfoBotCommandLine.Create(new StringReader(input), output, error).Parse(args);
        var code = await parse.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        return (code, output.ToString(), error.ToString());
    }
}
