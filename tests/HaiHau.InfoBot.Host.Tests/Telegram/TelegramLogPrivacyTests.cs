using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.TestKit.Telegram;

namespace HaiHau.InfoBot.Host.Tests.Telegram;

/// <summary>
/// The bot token is in every Bot API URL (…/bot&lt;token&gt;/sendMessage), so a request log or an exception message
/// could leak it: it must appear at no level at all. Residents' words stay out of Information logs (Decree 13/2023).
/// </summary>
public sealed class TelegramLogPrivacyTests : HostTestBase
{
    private const long Lan = 123456789;
    private const string Private = "Nguyễn Văn Bí Mật 0912345678";

    [Fact]
    public async Task Even_verbose_logs_never_contain_the_bot_token_through_polls_sends_and_faults()
    {
        var logs = await RunAsync(TelegramMode.Polling, "Verbose");

        Assert.Contains("Telegram poll failed", logs, StringComparison.Ordinal); // the faults were logged…
        Assert.Contains("outbox", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeTelegramApi.Token, logs, StringComparison.Ordinal); // …without the token
        Assert.DoesNotContain("TEST-token", logs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TelegramMode.Webhook)]
    [InlineData(TelegramMode.Polling)]
    public async Task Information_logs_carry_no_message_text_and_no_token(TelegramMode mode)
    {
        var logs = await RunAsync(mode, "Information");

        Assert.Contains(mode == TelegramMode.Webhook ? "HTTP POST /webhooks/{channel} responded 200" : "Telegram poll failed", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Bí Mật", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeTelegramApi.Token, logs, StringComparison.Ordinal);
    }

    private async Task<string> RunAsync(TelegramMode mode, string level)
    {
        var logFile = Path.Combine(Folder.Path, "logs", "infobot-.log");
        var settings = new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = level,
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = level,
            ["Serilog:MinimumLevel:Override:System"] = level,
            ["Serilog:MinimumLevel:Override:System.Net.Http.HttpClient"] = level,
            ["InfoBot:Logging:FilePath"] = logFile,
        };
        await using (var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), mode, extra: settings))
        {
            var lan = new FakeTelegramUser(Lan);
            await rig.SayAsync(lan.Text("/start"));
            await rig.SayAsync(lan.Text(Private));

            // A send refused with 400, then the resident blocks the bot: both are logged as warnings.
            rig.Fake.FailNext("sendMessage", FakeTelegramFailure.BadRequest("Bad Request: can't parse entities"));
            await rig.SayAsync(lan.Text("menu"));
            rig.Fake.Block(Lan);
            await rig.SayAsync(lan.Text(Private));
            rig.Fake.Unblock(Lan);

            if (mode == TelegramMode.Polling)
            {
                var failed = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
                rig.Service<HaiHau.InfoBot.Host.Telegram.TelegramPoller>().BackingOff += d => failed.TrySetResult(d);
                rig.Fake.FailNext("getUpdates", FakeTelegramFailure.DropConnection);
                rig.Fake.ReleaseHeldPolls();
                await failed.Task.WaitAsync(TelegramRig.Patience);
            }
        }

        return string.Concat(Directory.EnumerateFiles(Path.GetDirectoryName(logFile)!).Select(File.ReadAllText));
    }
}
