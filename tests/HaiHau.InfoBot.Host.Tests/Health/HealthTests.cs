using System.Net;
using System.Text.Json;
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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(Folder.Path, "infobot.db*"))
        {
            File.Delete(file);
        }

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("failing", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
