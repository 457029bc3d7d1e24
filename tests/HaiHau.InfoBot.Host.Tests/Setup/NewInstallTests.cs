using HaiHau.InfoBot.Host.Tests.Persistence;
using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.Setup;

/// <summary>
/// A new install (empty database file, empty model cache) is healthy within issue 15's 1.5 s because it reads the
/// question understanding the build prepared (prepared-understanding/ beside the binaries) instead of training, and
/// creates its schema from one script. Both as the real host process: content edited after the build must not get
/// the build's understanding, and a first start must answer a typed question. The content's YAML and Markdown are not
/// parsed either: what they parsed to at build is read (<see cref="HaiHau.InfoBot.Content.ContentParsers"/>).
/// </summary>
[Scheduling.LongRunning(13)]
public sealed class NewInstallTests : IDisposable
{
    private const string Question = "cơ quan bảo hiểm xã hội ở chỗ nào";

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task A_new_install_answers_a_typed_question_on_its_first_start_without_training()
    {
        var cache = Path.Combine(_temp.Path, "model-cache");
        using var host = await HostProcess.StartAsync(Settings(cache), CancellationToken.None);

        var answer = await AskAsync(host);

        Assert.Contains("VssID", answer, StringComparison.Ordinal); // content/faq/bhxh-o-dau.md
        Assert.Contains("Question understanding read from the files prepared at build", host.Output(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(cache) && Directory.EnumerateFiles(cache).Any(), "nothing was trained, so nothing was written to the model cache");
        var loaded = host.LoadedAssemblies();
        Assert.DoesNotContain("YamlDotNet.dll", loaded); // the content's parse results came from the build too
        Assert.DoesNotContain("Markdig.dll", loaded);
    }

    [Fact]
    public async Task Content_edited_after_the_build_is_trained_on_at_start_and_answers_with_the_new_text()
    {
        // The shipped content, copied and edited as an officer would after installing: a new phrasing and a new answer.
        var content = Path.Combine(_temp.Path, "content");
        CopyFolder(RepoPaths.Content, content);
        var faq = Path.Combine(content, "faq", "bhxh-o-dau.md");
        var text = await File.ReadAllTextAsync(faq);
        text = text.Replace("keywords: [", "keywords: [bảo hiểm xã hội đặt ở chỗ nào, ", StringComparison.Ordinal)
            .Replace("Bác hỏi đại lý thu ở xã", "Bác mang theo căn cước và hỏi đại lý thu ở xã", StringComparison.Ordinal);
        await File.WriteAllTextAsync(faq, text);
        var cache = Path.Combine(_temp.Path, "model-cache");
        var settings = new Dictionary<string, string?>(Settings(cache)) { ["InfoBot:ContentPath"] = content };
        using var host = await HostProcess.StartAsync(settings, CancellationToken.None);

        var answer = await AskAsync(host);

        Assert.Contains("Bác mang theo căn cước và hỏi đại lý thu ở xã", answer, StringComparison.Ordinal);
        Assert.Contains("Question understanding built and trained", host.Output(), StringComparison.Ordinal);
        Assert.NotEmpty(Directory.EnumerateFiles(cache, "understanding-*.bin")); // kept for the next restart
        Assert.NotEmpty(Directory.EnumerateFiles(cache, "parsed-*.bin")); // and what the edited content parsed to
    }

    public void Dispose() => _temp.Dispose();

    private Dictionary<string, string?> Settings(string cache) => new()
    {
        ["ConnectionStrings:InfoBot"] = $"Data Source={Path.Combine(_temp.Path, "new.db")}",
        ["InfoBot:ModelCachePath"] = cache,
        ["InfoBot:DialogsPath"] = RepoPaths.Dialogs,
        ["InfoBot:ContentPath"] = RepoPaths.Content,
    };

    private static async Task<string> AskAsync(HostProcess host)
    {
        using var http = new HttpClient { BaseAddress = host.Address };
        var chat = new WebChatClient(http);
        var id = (await chat.StartAsync()).ConversationId;
        return (await chat.SendAsync(id, text: Question)).AllText;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
