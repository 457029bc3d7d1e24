using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HaiHau.InfoBot.Host.Health;

/// <summary>A channel's state as /health reports it.</summary>
public interface IChannelHealth
{
    string Channel { get; }

    /// <summary>"ok", "failing" or "off"; Zalo also "reauth_required" (its tokens need a person; sending waits).</summary>
    string State { get; }
}

/// <summary>
/// GET /health, the summary the Dockerfile, the systemd unit and the start-up benchmark read: 200 when the store
/// answers, 503 when it does not, with each channel's state. Built from the same checks as /health/ready.
/// </summary>
public static class HealthApi
{
    internal static async Task<IResult> SummaryAsync(HealthCheckService health, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(c => c.Tags.Contains(HealthSetup.ReadyTag), ct);
        var storeOk = report.Entries.TryGetValue(StoreHealthCheck.Name, out var store) && store.Status == HealthStatus.Healthy;
        var states = HealthSetup.Channels.ToDictionary(c => c, c => StateOf(report, c));
        // The optional answerer (issue 17): "off" unless configured; its failures never make the bot unready.
        var answerer = report.Entries.TryGetValue(Answerer.AnswererHealthCheck.Name, out var composer)
            && composer.Data.TryGetValue(ChannelHealthCheck.StateKey, out var answererState) ? (string)answererState : "off";
        var body = new { status = storeOk ? "ok" : "failing", store = storeOk ? "ok" : "failing", channels = states, answerer };
        return Results.Json(body, statusCode: storeOk ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static string StateOf(HealthReport report, string channel) =>
        report.Entries.TryGetValue(channel, out var entry) && entry.Data.TryGetValue(ChannelHealthCheck.StateKey, out var state)
            ? (string)state
            : "failing"; // the check itself threw
}

/// <summary>The web chat is part of the host: it is up whenever the host is.</summary>
public sealed class WebChatHealth : IChannelHealth
{
    public string Channel => WebChat.WebChatApi.Channel;

    public string State => "ok";
}
