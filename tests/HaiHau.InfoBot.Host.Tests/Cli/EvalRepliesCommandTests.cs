using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.Cli;

/// <summary>
/// `eval replies FILE`: typed replies judged at their prompts, reached by the paths file beside the set, with the sample
/// listings standing in for the register (no database is opened: the connection string names none that exists).
/// </summary>
public sealed class EvalRepliesCommandTests : HostTestBase
{
    private async Task<string> WriteSetAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(Folder.Path, "reply-paths.tsv"), string.Join('\n',
            "prompt\tsteps",
            "xoa-du-lieu/hoi-chac-chan\txóa dữ liệu của tôi",
            "hoc-nghe/hoi-sau-khi-xem\tpress:hoc-nghe › press:khoa-hoc › press:MAU-KH-001"));
        var file = Path.Combine(Folder.Path, "set.tsv");
        await File.WriteAllTextAsync(file, string.Join('\n',
            "id\tprompt\treply\tmeans\talso\tsource\tnote",
            "r1\txoa-du-lieu/hoi-chac-chan\tdạ không\tbutton:Không\t\ttest\t",
            "r2\txoa-du-lieu/hoi-chac-chan\txyz qqq\tbutton:Có\t\ttest\t",
            "r3\thoc-nghe/hoi-sau-khi-xem\txong rồi\tbutton:Xong rồi\t\ttest\t",
            "r4\tmenu/chon-chu-de\tbảo hiểm\tbutton:Bảo hiểm y tế\t\ttest\t"));
        return file;
    }

    [Fact]
    public async Task Prints_the_shares_and_each_reply_not_understood_with_what_the_bot_did()
    {
        var file = await WriteSetAsync();

        var (code, output, error) = await ConsoleVerbRunner.RunAsync("Data Source=:memory:", ["eval", "replies", file, "--on", "2026-12-06"]);

        Assert.True(code == 0, error);
        Assert.Contains("overall  n=   3  understood 66.7 %  asked again 33.3 %  wrong  0.0 %", output, StringComparison.Ordinal);
        Assert.Contains("not judged: 1 rows, no path to its prompt (menu/chon-chu-de)", output, StringComparison.Ordinal);
        Assert.Contains("«xyz qqq»  button:Có → asked again", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_day_the_sample_courses_have_closed_it_says_to_give_another_day()
    {
        var file = await WriteSetAsync();

        var (code, _, error) = await ConsoleVerbRunner.RunAsync("Data Source=:memory:", ["eval", "replies", file, "--on", "2030-01-01"]);

        Assert.Equal(2, code);
        Assert.Contains("the path to hoc-nghe/hoi-sau-khi-xem ends at hoc-nghe/hoi-khi-khong-co", error, StringComparison.Ordinal);
        Assert.Contains("give --on a day they are open", error, StringComparison.Ordinal);
    }
}
