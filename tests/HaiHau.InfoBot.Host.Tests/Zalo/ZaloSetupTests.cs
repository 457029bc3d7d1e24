using System.Net;
using System.Text.Json;
using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Zalo;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.Tests.Zalo;

/// <summary>The channel is there only when configured, and a half-configured one stops the start with a clear message.</summary>
public sealed class ZaloSetupTests : HostTestBase
{
    [Fact]
    public async Task Without_settings_the_webhook_is_404_and_health_says_off()
    {
        await using var app = NewApp();
        var client = app.CreateClient();

        var hook = await new ZaloWebhookSender(client).SendAsync(ZaloPayload.Load(ZaloBed.Testdata("user_send_text.json")));
        using var health = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.NotFound, hook.StatusCode);
        Assert.Equal("off", health.RootElement.GetProperty("channels").GetProperty("zalo").GetString());
    }

    [Fact]
    public async Task Configured_it_is_ok_on_health()
    {
        await using var bed = await ZaloBed.StartAsync(Folder);

        using var health = JsonDocument.Parse(await bed.App.CreateClient().GetStringAsync(new Uri("/health", UriKind.Relative)));

        Assert.Equal("ok", health.RootElement.GetProperty("channels").GetProperty("zalo").GetString());
    }

    [Fact]
    public async Task Half_configured_the_bot_refuses_to_start_and_names_what_is_missing()
    {
        await using var app = InfoBotWeb.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--ConnectionStrings:InfoBot=" + Folder.SqliteConnectionString(),
            "--InfoBot:DialogsPath=" + RepoPaths.Dialogs,
            "--InfoBot:ContentPath=" + RepoPaths.Content,
            "--InfoBot:Zalo:AppId=" + FakeZaloApi.AppId,
        ]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("InfoBot:Zalo:OaSecretKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("InfoBot:Zalo:RefreshToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("InfoBot:Zalo:AppId", error.Message, StringComparison.Ordinal);
    }
}
