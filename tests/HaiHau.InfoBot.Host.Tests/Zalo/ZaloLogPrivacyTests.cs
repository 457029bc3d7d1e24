using HaiHau.InfoBot.TestKit.Zalo;

namespace HaiHau.InfoBot.Host.Tests.Zalo;

/// <summary>
/// Tokens, secrets and what residents and the bot say never reach the logs at Information, with HttpClient's own
/// logging at its most talkative (Trace: it would print request headers, where access_token and secret_key travel).
/// </summary>
public sealed class ZaloLogPrivacyTests : HostTestBase
{
    [Fact]
    public async Task Logs_carry_no_token_secret_user_id_or_message_text()
    {
        var logFile = Path.Combine(Folder.Path, "logs", "infobot-.log");
        await using var zalo = await FakeZaloApi.StartAsync();
        var firstAccess = zalo.AccessToken;
        var firstRefresh = zalo.RefreshToken;
        await using (var bed = await ZaloBed.StartAsync(Folder, zalo, settings: new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Information",
            ["Serilog:MinimumLevel:Override:System.Net.Http"] = "Verbose",
            ["InfoBot:Logging:FilePath"] = logFile,
        }))
        {
            await bed.ConverseAsync(bed.Payload("follow.json"), replies: 2);
            zalo.ExpireAccessToken();
            await bed.ConverseAsync(bed.Text("Nguyễn Văn Bí Mật 0912345678, bảo hiểm y tế"), replies: 1);
            await bed.Webhooks.SendAsync(bed.Payload("oa_send_text.admin.json"));
        }

        var logs = string.Concat(Directory.EnumerateFiles(Path.GetDirectoryName(logFile)!).Select(File.ReadAllText));

        Assert.Contains("/v3.0/oa/message/cs", logs, StringComparison.Ordinal);      // HttpClient logged its calls …
        Assert.Contains("/v4/oa/access_token", logs, StringComparison.Ordinal);
        Assert.Contains("access_token: *", logs, StringComparison.Ordinal);           // … and its headers, redacted
        Assert.Contains("refreshing", logs, StringComparison.Ordinal);
        Assert.Contains("officer answered by hand", logs, StringComparison.Ordinal);
        foreach (var secret in new[] { firstAccess, firstRefresh, zalo.AccessToken, zalo.RefreshToken, FakeZaloApi.AppSecret, FakeZaloApi.OaSecretKey })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Bí Mật", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Hộ nhà bác", logs, StringComparison.Ordinal);                // the bot's reply
        Assert.DoesNotContain("cán bộ xã đây", logs, StringComparison.Ordinal);             // the officer's words
        Assert.DoesNotContain(ZaloBed.Resident, logs, StringComparison.Ordinal);
    }
}
