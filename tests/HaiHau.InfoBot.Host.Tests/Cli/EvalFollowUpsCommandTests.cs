namespace HaiHau.InfoBot.Host.Tests.Cli;

/// <summary>
/// `eval followups FILE`: both messages of each conversation through the engine, the second in the conversation the
/// first left; the figures are the second messages'. No database is opened.
/// </summary>
public sealed class EvalFollowUpsCommandTests : HostTestBase
{
    private const string Header = "id\tfirst\tthen\taccept_first\taccept_then\tkind\tnote";

    [Fact]
    public async Task Prints_the_second_messages_figures_and_each_one_that_did_not_fit()
    {
        var file = Path.Combine(Folder.Path, "set.tsv");
        await File.WriteAllTextAsync(file, string.Join('\n',
            Header,
            "t1\tnhà bị bão làm tốc mái thì có được hỗ trợ không\tbao lâu thì có tiền\tfaq:nha-hu-hong-do-bao-lu\trefer:ubnd-xa\tsame\t",
            "t2\tnhà bị bão làm tốc mái thì có được hỗ trợ không\tbao lâu thì có tiền\tfaq:nha-hu-hong-do-bao-lu\tfaq:tro-giup-dot-xuat\tsame\tlabelled to miss"));

        var (code, output, error) = await ConsoleVerbRunner.RunAsync("Data Source=:memory:", ["eval", "followups", file]);

        Assert.True(code == 0, error);
        Assert.Contains("second messages            n=   2  fit 50.0 %  confident-wrong  0.0 %  referred/abstained 50.0 %", output, StringComparison.Ordinal);
        Assert.Contains("first messages             n=   2  fit 100.0 %", output, StringComparison.Ordinal);
        Assert.Contains("REFER t2 same: faq:nha-hu-hong-do-bao-lu | faq:tro-giup-dot-xuat ⇒ refer:ubnd-xa", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_without_the_second_message_s_labels_is_refused_with_the_columns_it_needs()
    {
        var file = Path.Combine(Folder.Path, "set.tsv");
        await File.WriteAllTextAsync(file, "id\tfirst\tthen\taccept_first\nt1\tchào\tcó\ttopic:greeting");

        var (code, _, error) = await ConsoleVerbRunner.RunAsync("Data Source=:memory:", ["eval", "followups", file]);

        Assert.Equal(2, code);
        Assert.Contains("the header must name the columns id, first, then, accept_first, accept_then", error, StringComparison.Ordinal);
    }
}
