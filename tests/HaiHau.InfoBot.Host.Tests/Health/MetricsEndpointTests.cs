using System.Globalization;
using System.Net;
using HaiHau.InfoBot.Host.Tests.WebChat;

namespace HaiHau.InfoBot.Host.Tests.Health;

/// <summary>The Prometheus scrape endpoint (InfoBot:Telemetry:Metrics): off by default, counting turns when on.</summary>
public sealed class MetricsEndpointTests : HostTestBase
{
    [Fact]
    public async Task With_metrics_on_a_web_chat_turn_shows_on_the_turn_counter()
    {
        await using var app = NewApp(settings: new Dictionary<string, string?> { ["InfoBot:Telemetry:Metrics"] = "true" });
        var client = app.CreateClient();
        var before = WebTurns(await ScrapeAsync(client));

        var chat = new WebChatClient(client);
        var start = await chat.StartAsync();
        await chat.SendAsync(start.ConversationId, text: "bảo hiểm y tế");
        var scrape = await ScrapeAsync(client);

        // Other test classes run turns in parallel in this process: at least this test's two turns were counted.
        Assert.True(WebTurns(scrape) >= before + 2, $"web turns {before} → {WebTurns(scrape)}");
        Assert.Contains("infobot_turn_duration_seconds_bucket{", scrape, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_metrics_off_there_is_no_metrics_page()
    {
        await using var app = NewApp();

        using var response = await app.CreateClient().GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>infobot_turns_total{channel="web",outcome="answered",…} value [timestamp]; 0 before the first turn.</summary>
    private static double WebTurns(string scrape) => scrape.Split('\n')
        .Where(l => l.StartsWith("infobot_turns_total{", StringComparison.Ordinal)
            && l.Contains("channel=\"web\"", StringComparison.Ordinal) && l.Contains("outcome=\"answered\"", StringComparison.Ordinal))
        .Select(l => double.Parse(l[(l.IndexOf('}', StringComparison.Ordinal) + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture))
        .Sum();
}
