using HaiHau.InfoBot.Host.Cli;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.OpenAi;

namespace HaiHau.InfoBot.Host.Tests.Answerer;

/// <summary>`eval answers FILE --answerer llm` against the fake endpoint: the model's figures next to retrieval's.</summary>
public sealed class AnswererEvalCommandTests : HostTestBase
{
    private static string Rows() => string.Join('\n',
        "id\tkind\tquestion\taccept\tsource\tnote",
        $"e1\tchat\t{ComposerRig.Question}\tfaq:{ComposerRig.EntryId}\ttest\t",
        "e2\tchat\tchuẩn hộ nghèo bây giờ là bao nhiêu tiền một tháng?\tfaq:thu-nhap-ho-ngheo\ttest\t",
        "e3\tchat\tzzzz\trefer:ubnd-xa\ttest\t");

    [Fact]
    public async Task The_model_is_judged_on_the_rows_it_would_compose_for()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        model.Script(
            new FakeModelReply.Text(AnswerComposerTests.Grounded),
            new FakeModelReply.Text("Theo Nghị định 146/2018/NĐ-CP, chuẩn nghèo là 1.500.000 đồng."));
        var file = Path.Combine(Folder.Path, "set.tsv");
        await File.WriteAllTextAsync(file, Rows());

        var (code, output, error) = await RunAsync(["eval", "answers", file, "--figures-only", "--answerer", "llm",
            $"--InfoBot:DialogsPath={RepoPaths.Dialogs}", $"--InfoBot:ContentPath={RepoPaths.Content}",
            $"--InfoBot:Answerer:Endpoint={model.Endpoint}", "--InfoBot:Answerer:Model=fake-model"]);

        Assert.True(code == 0, error);
        Assert.Contains("Answerer (model fake-model): 2 of 3 rows", output, StringComparison.Ordinal);
        Assert.Contains("composed 1 (fit 1, confident-wrong 0); guard rejections 1; declined 0", output, StringComparison.Ordinal);
        Assert.Contains("rejected for repealed: 1", output, StringComparison.Ordinal);
        Assert.Equal(2, model.Requests.Count);
    }

    [Fact]
    public async Task Without_an_endpoint_the_answerer_eval_says_what_to_set()
    {
        var file = Path.Combine(Folder.Path, "set.tsv");
        await File.WriteAllTextAsync(file, Rows());

        var (code, _, error) = await RunAsync(["eval", "answers", file, "--figures-only", "--answerer", "llm",
            $"--InfoBot:DialogsPath={RepoPaths.Dialogs}", $"--InfoBot:ContentPath={RepoPaths.Content}"]);

        Assert.Equal(2, code);
        Assert.Contains("InfoBot:Answerer:Endpoint", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_not_found_says_where_a_relative_path_was_read_from()
    {
        // `dotnet run --project` runs in the project folder: the README's relative path was "no such file" with no hint.
        var (code, _, error) = await RunAsync(["eval", "answers", "tests/khong-co-tep-nay.tsv"]);

        Assert.Equal(2, code);
        Assert.Contains("no such file (a relative path is read from " + Directory.GetCurrentDirectory(), error, StringComparison.Ordinal);
        Assert.Contains("$PWD/tests/", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parse = InfoBotCommandLine.Create(new StringReader(string.Empty), output, error).Parse(args);
        var code = await parse.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        return (code, output.ToString(), error.ToString());
    }
}
