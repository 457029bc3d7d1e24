using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.Health;

public sealed class HealthTests : HostTestBase
{
    [Fact]
    public async Task Health_reports_the_store_and_each_channel()
    {
        await using var app = NewApp();

        var response = await app.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", body.RootElement.GetProperty("store").GetString());
        var channels = body.RootElement.GetProperty("channels");
        Assert.Equal("ok", channels.GetProperty("web").GetString());
        Assert.Equal("off", channels.GetProperty("telegram").GetString());
        Assert.Equal("off", channels.GetProperty("zalo").GetString());
    }

    [Fact]
    public async Task Health_says_503_when_the_database_is_gone()
    {
        await using var app = NewApp();
        var client = app.CreateClient();
        // The warm-up after start reads the store in the background; a connection it opened before the files went
        // would still reach the deleted file (open files outlive their names on Linux) and answer "ok" (seen once
        // under load). So: wait for it, delete, and only then empty the pools, which discards every connection
        // opened before the delete, idle or in use.
        await app.Services.GetRequiredService<HaiHau.InfoBot.Host.Turns.StoreInitializer>().WarmedUp.WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var file in Directory.EnumerateFiles(Folder.Path, "infobot.db*"))
        {
            File.Delete(file);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("failing", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
