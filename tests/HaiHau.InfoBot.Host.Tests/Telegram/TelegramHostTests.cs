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
}
