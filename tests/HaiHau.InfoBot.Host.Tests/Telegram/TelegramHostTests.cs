using System.Net.Http.Json;
using System.Text.Json;
using HaiHau.InfoBot.Channels.Telegram;

namespace HaiHau.InfoBot.Host.Tests.Telegram;

/// <summary>The channel is on only with a token; /health tells its state.</summary>
public sealed class TelegramHostTests : HostTestBase
{
    [Fact]
    public async Task Without_a_token_the_channel_is_off_and_the_host_still_serves()
    {
        await using var app = NewApp();
        var client = app.CreateClient();

        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        using var webhook = await client.PostAsync("/webhooks/telegram", JsonContent.Create(new { update_id = 1 }));

        Assert.Equal("off", health.GetProperty("channels").GetProperty("telegram").GetString());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, webhook.StatusCode);
    }

    [Theory]
    [InlineData(TelegramMode.Webhook)]
    [InlineData(TelegramMode.Polling)]
    public async Task With_a_token_the_channel_is_on_and_healthy(TelegramMode mode)
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), mode);

        var health = await rig.App.CreateClient().GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("ok", health.GetProperty("channels").GetProperty("telegram").GetString());
    }

    [Theory]
    [InlineData("not-a-token-SECRETPART", "Polling", "", "BotToken does not look like a BotFather token")]
    [InlineData("123456:SECRETPART", "Webhook", "", "Mode is Webhook, so InfoBot:Telegram:WebhookSecret must be set")]
    [InlineData("123456:SECRETPART", "Webhook", "has spaces SECRET", "WebhookSecret must be 1–256 of")]
    public async Task A_wrong_telegram_setting_stops_the_start_with_a_message_that_shows_no_secret(string token, string mode, string secret, string message)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args =
        [
            "serve", "--urls", "http://127.0.0.1:0", $"--InfoBot:DialogsPath={TestKit.RepoPaths.Dialogs}", $"--InfoBot:ContentPath={TestKit.RepoPaths.Content}",
            $"--ConnectionStrings:InfoBot={Folder.SqliteConnectionString()}", "--Serilog:MinimumLevel:Default=Fatal",
            $"--InfoBot:Telegram:BotToken={token}", $"--InfoBot:Telegram:Mode={mode}", $"--InfoBot:Telegram:WebhookSecret={secret}",
        ];

        var code = await HaiHau.InfoBot.Host.Cli.InfoBotCommandLine.Create(new StringReader(string.Empty), output, error).Parse(args)
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });

        Assert.Equal(2, code);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.ToString(), StringComparison.Ordinal);
    }
}
