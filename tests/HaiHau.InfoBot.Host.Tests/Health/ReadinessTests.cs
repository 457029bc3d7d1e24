using System.Net;
using System.Text.Json;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Host.Telegram;
using HaiHau.InfoBot.Host.Tests.Telegram;
using HaiHau.InfoBot.TestKit.Telegram;

namespace HaiHau.InfoBot.Host.Tests.Health;

/// <summary>/health/live and /health/ready (ASP.NET Core health checks) beside the original /health summary.</summary>
public sealed class ReadinessTests : HostTestBase
{
    [Fact]
    public async Task Readiness_names_the_store_and_every_channel_and_is_healthy_with_none_configured()
    {
        await using var app = NewApp();
        var client = app.CreateClient();

        var (status, ready) = await GetAsync(client, "/health/ready");
        var (liveStatus, _) = await GetAsync(client, "/health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("healthy", ready.GetProperty("status").GetString());
        var checks = ready.GetProperty("checks");
        Assert.Equal(["store", "web", "telegram", "zalo"], checks.EnumerateObject().Select(c => c.Name));
        Assert.Equal("off", checks.GetProperty("telegram").GetProperty("data").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_failing_channel_makes_readiness_unhealthy_with_its_name_while_liveness_stays_up()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Polling);
        var client = rig.App.CreateClient();
        var (before, _) = await GetAsync(client, "/health/ready");
        var backingOff = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Service<TelegramPoller>().BackingOff += delay => backingOff.TrySetResult(delay);

        rig.Fake.FailNext("getUpdates", FakeTelegramFailure.DropConnection, times: 100);
        rig.Fake.ReleaseHeldPolls();
        await backingOff.Task.WaitAsync(TelegramRig.Patience);
        var (readyStatus, ready) = await GetAsync(client, "/health/ready");
        var (liveStatus, _) = await GetAsync(client, "/health/live");
        var (summaryStatus, summary) = await GetAsync(client, "/health");

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        var telegram = ready.GetProperty("checks").GetProperty("telegram");
        Assert.Equal("unhealthy", telegram.GetProperty("status").GetString());
        Assert.Equal("failing", telegram.GetProperty("data").GetProperty("state").GetString());
        Assert.Equal("healthy", ready.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        // The summary keeps its meaning: up while the store answers, the channel's fault shown beside it.
        Assert.Equal(HttpStatusCode.OK, summaryStatus);
        Assert.Equal("failing", summary.GetProperty("channels").GetProperty("telegram").GetString());
    }

    [Fact]
    public async Task A_lost_database_makes_readiness_unhealthy_naming_the_store_while_liveness_stays_up()
    {
        await using var app = NewApp();
        var client = app.CreateClient();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(Folder.Path, "infobot.db*"))
        {
            File.Delete(file);
        }

        var (readyStatus, ready) = await GetAsync(client, "/health/ready");
        var (liveStatus, _) = await GetAsync(client, "/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.Equal("unhealthy", ready.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, liveStatus);
    }

    internal static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.Clone());
    }
}
