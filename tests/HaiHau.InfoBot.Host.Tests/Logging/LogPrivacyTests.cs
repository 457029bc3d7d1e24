using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.Logging;

/// <summary>Residents' words and conversation ids stay out of the logs at Information level (Decree 13/2023).</summary>
public sealed class LogPrivacyTests : HostTestBase
{
    [Fact]
    public async Task Information_logs_name_routes_but_never_message_text_or_conversation_ids()
    {
        var logFile = Path.Combine(Folder.Path, "logs", "infobot-.log");
        string id;
        await using (var app = NewApp(settings: new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Information",
            ["InfoBot:Logging:FilePath"] = logFile,
        }))
        {
            var chat = new WebChatClient(app.CreateClient());
            id = (await chat.StartAsync()).ConversationId;
            await chat.SendAsync(id, text: "Nguyễn Văn Bí Mật 0912345678");
            await chat.HistoryAsync(id);
        }

        var logs = string.Concat(Directory.EnumerateFiles(Path.GetDirectoryName(logFile)!).Select(File.ReadAllText));

        Assert.Contains("HTTP POST /api/webchat/messages responded 200", logs, StringComparison.Ordinal);
        Assert.Contains("/api/webchat/conversations/{conversationId}/messages", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Bí Mật", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(id, logs, StringComparison.Ordinal);
    }
}
