using System.Text.Json;
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
        Assert.Matches(@"OK: \d+ dialogs, \d+ articles, \d+ facts, 8 communes, \d+ FAQ entries, \d+ example questions, \d{4,} practice letters\.", output);
    }

    // Today and after the new standard starts (1/1/2027): a text reached only under one rule set must not read a fact
    // that has no confirmed value on the other's days (the deprivation threshold comes from the screening result).
    [Theory]
    [InlineData("2026-12-02")]
    [InlineData("2027-01-15")]
    public async Task Validate_passes_on_the_repository_data_on_the_day_and_under_the_new_standard(string day)
    {
        var (code, output, error) = await RunAsync(["validate", "--date", day, $"--InfoBot:DialogsPath={RepoPaths.Dialogs}", $"--InfoBot:ContentPath={RepoPaths.Content}"]);

        Assert.True(code == 0, error);
        Assert.Matches(@"OK: \d+ dialogs, \d+ articles, \d+ facts, 8 communes", output);
    }

    [Fact]
    public async Task Review_content_lists_what_is_due_and_exits_0()
    {
        var (code, output, _) = await RunAsync(["review", "content", "--date", "2026-12-02", "--days", "60", $"--InfoBot:DialogsPath={RepoPaths.Dialogs}", $"--InfoBot:ContentPath={RepoPaths.Content}"]);

        Assert.Equal(0, code);
        Assert.Contains("content/facts.yaml:", output, StringComparison.Ordinal);
        Assert.Contains("fact \"chuan-ngheo-nong-thon\" = 1.500.000 đồng ends on 31/12/2026, then 2.200.000 đồng", output, StringComparison.Ordinal);
        Assert.Contains("item(s) to review between 2026-12-02 and 2027-01-31", output, StringComparison.Ordinal);
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
        Assert.Contains("Bác gõ số thứ tự của mục bác chọn.", first, StringComparison.Ordinal); // no buttons in a terminal
        Assert.DoesNotContain("bấm một nút", first, StringComparison.Ordinal);
        Assert.Contains("Hộ nhà bác đang thuộc diện nào?", first, StringComparison.Ordinal);
        Assert.Contains("(Tiếp tục cuộc trò chuyện trước.)", second, StringComparison.Ordinal);
        Assert.Contains("BẢO HIỂM Y TẾ CHO NGƯỜI THUỘC HỘ NGHÈO", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminal_chat_reads_a_number_typed_for_a_question_without_buttons_as_the_answer()
    {
        string[] args = ["chat", $"--ConnectionStrings:InfoBot={Folder.SqliteConnectionString()}",
            $"--InfoBot:DialogsPath={RepoPaths.Dialogs}", $"--InfoBot:ContentPath={RepoPaths.Content}"];

        // Menu → «Tôi có thuộc hộ nghèo không?» (four choices) → «Ước tính hộ nhà tôi» → Hải Châu → «4» people. The 4 had
        // pressed the four-choice menu's fourth button («Nút bác vừa bấm thuộc một câu hỏi trước rồi»).
        var (code, output, _) = await RunAsync(args, "1\n1\nHải Châu\n4\n/thoat\n");

        Assert.Equal(0, code);
        Assert.DoesNotContain("thuộc một câu hỏi trước", output, StringComparison.Ordinal);
        Assert.Contains("Về thu nhập, bác dễ nói cho cả hộ hay cho mỗi người?", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_writes_one_json_object_per_question_with_topic_confidence_and_answer()
    {
        var (code, output, _) = await RunAsync(
            ["classify", $"--InfoBot:DialogsPath={RepoPaths.Dialogs}", $"--InfoBot:ContentPath={RepoPaths.Content}"],
            "ho can ngheo co duoc bhyt ko\n\nThẻ BHYT hết hạn thì gia hạn ở đâu?\ntôi muốn gặp cán bộ xã\nasdfgh qwerty\n");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(0, code);
        Assert.Equal(4, lines.Count); // the empty line is skipped
        Assert.Equal("ho can ngheo co duoc bhyt ko", lines[0].GetProperty("text").GetString());
        Assert.Equal(["health_insurance", "health_insurance", "handoff", "unknown"], lines.Select(l => l.GetProperty("topic").GetString()));
        var answers = lines.Select(l => l.GetProperty("answer_id").GetString()).ToList();
        Assert.Equal("faq:bhyt-ho-can-ngheo", answers[0]);
        Assert.Equal("topic:handoff", answers[2]);
        Assert.Null(answers[3]);
        // Two entries tell where to renew a card that ran out (the short-lapse one and the long-lapse one): either helps.
        Assert.True(answers[1] is "faq:the-bhyt-sai-het-han" or "faq:bhyt-the-bi-gian-doan", $"renewal answered by «{answers[1]}»");
        Assert.All(lines.Take(3), l => Assert.InRange(l.GetProperty("confidence").GetDouble(), 0.5, 1.0));
        Assert.Equal("not_understood", lines[3].GetProperty("decision").GetString());
        Assert.Contains("Thẻ BHYT hết hạn", output, StringComparison.Ordinal); // readable Vietnamese, not \u escapes
    }

    [Fact]
    public async Task Classify_refuses_broken_content_and_names_the_problem()
    {
        var content = RepoPaths.CopyFolder(RepoPaths.Content, Path.Combine(Folder.Path, "content"));

        File.WriteAllText(Path.Combine(content, "understanding", "examples", "jobs.yaml"), "topic: jobs\nquestions:\n  - tìm việc\n  - [sai]\n");

        var (code, output, error) = await RunAsync(
            ["classify", $"--InfoBot:DialogsPath={RepoPaths.Dialogs}", $"--InfoBot:ContentPath={content}"], "tìm việc làm\n");

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("content/understanding/examples/jobs.yaml:4:5: each question must be a line of words", error, StringComparison.Ordinal);
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
        Assert.Contains("classify", output, StringComparison.Ordinal);
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
