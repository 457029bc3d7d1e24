using System.Globalization;
using System.Net;
using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.Host.Tests.Zalo;

namespace HaiHau.InfoBot.Host.Tests.Health;

/// <summary>The Prometheus scrape endpoint (InfoBot:Telemetry:Metrics): off by default, counting turns when on.</summary>
/// <remarks>
/// Runs alone, after the parallel classes. Cause (read in OpenTelemetry's MetricReaderExt and MetricState): the SDK
/// listens to every meter named "Microsoft.AspNetCore.Hosting" in the process, and instruments from different hosts'
/// meters have the same identity (name, version, no tags), so they feed one shared metric stream. When any of those
/// hosts stops, its instrument's MeasurementsCompleted deactivates that shared stream, which then drops out of this
/// host's scrape although this host still records. Beside dozens of hosts starting and stopping in the same test
/// process, the chat request's <c>http.server.request.duration</c> vanished from every scrape on a fresh clone. A
/// production process has one host, so it is a test-process effect only.
/// </remarks>
[Collection(MetricsAlone.Name)]
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

        // ASP.NET Core records a request's duration when the request ends on the server, which in the test server can be
        // just after the client has read the response: scrape again (no waiting on a clock) until the chat's requests show.
        var scrape = await ScrapeAsync(client);
        for (var scrapes = 1; scrapes < 50 && Value(scrape, "http_server_request_duration_seconds_count{", "/api/webchat/messages") < 1; scrapes++)
        {
            scrape = await ScrapeAsync(client);
        }

        // Other test classes run turns in parallel in this process: at least this test's two turns were counted.
        Assert.True(WebTurns(scrape) >= before + 2, $"web turns {before} → {WebTurns(scrape)}");
        Assert.Contains("infobot_turn_duration_seconds_bucket{", scrape, StringComparison.Ordinal);
        Assert.True(Value(scrape, "http_server_request_duration_seconds_count{", "/api/webchat/messages") >= 1, scrape); // the chat's own request
    }

    [Fact]
    public async Task With_metrics_on_a_zalo_reply_after_an_expired_token_counts_the_refresh_and_the_sends()
    {
        await using var bed = await ZaloBed.StartAsync(Folder, settings: new Dictionary<string, string?> { ["InfoBot:Telemetry:Metrics"] = "true" });
        var client = bed.App.CreateClient();
        await bed.ConverseAsync(bed.Payload("follow.json"), replies: 2);
        bed.Zalo.ExpireAccessToken();

        await bed.ConverseAsync(bed.Text("2"), replies: 1);
        var scrape = await ScrapeAsync(client);

        // At least: hosts in parallel test classes may feed the same series.
        Assert.True(Value(scrape, "infobot_zalo_token_refreshes_total{", "result=\"renewed\"") >= 1, scrape);
        Assert.True(Value(scrape, "infobot_sends_total{", "route=\"zalo\"", "outcome=\"sent\"") >= 3, scrape);
        Assert.True(Value(scrape, "infobot_turns_total{", "channel=\"zalo\"", "outcome=\"answered\"") >= 2, scrape);
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

    private static double WebTurns(string scrape) => Value(scrape, "infobot_turns_total{", "channel=\"web\"", "outcome=\"answered\"");

    /// <summary>The sum of the series starting with <paramref name="series"/> and carrying every label given; 0 when none yet.</summary>
    private static double Value(string scrape, string series, params string[] labels) => scrape.Split('\n')
        .Where(l => l.StartsWith(series, StringComparison.Ordinal) && labels.All(label => l.Contains(label, StringComparison.Ordinal)))
        .Select(l => double.Parse(l[(l.IndexOf('}', StringComparison.Ordinal) + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture))
        .Sum();
}

/// <summary>
/// The collection that runs the telemetry classes (<see cref="MetricsEndpointTests"/>, <see cref="TraceExportTests"/>)
/// with no other test class beside them: OpenTelemetry's listeners are process-wide, so beside dozens of hosts in the
/// same test process they see every host's instruments and activities, not only their own. Also
/// <see cref="Answerer.AnswererThroughputTests"/>, which compares two wall-clock rates of one host: beside other classes
/// (two per core since issue 15) the machine's share moved between its two phases and failed it on a fresh clone.
/// And <see cref="Turns.KeptStatementsTests"/>, which reads every pooled SQLite connection: pools are process-wide.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsAlone
{
    public const string Name = "telemetry, run alone";
}
