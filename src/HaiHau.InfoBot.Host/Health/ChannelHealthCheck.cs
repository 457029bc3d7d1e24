using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HaiHau.InfoBot.Host.Health;

/// <summary>
/// Readiness of one channel: its own state (Telegram polling or sending faults, Zalo tokens), its HTTP circuit, and
/// for push channels the outbox backlog. A channel that is not configured is healthy ("off"): nothing is expected of it.
/// </summary>
internal sealed class ChannelHealthCheck(
    string channel,
    IEnumerable<IChannelHealth> states,
    IEnumerable<IChannelAdapter> adapters,
    ChannelCircuits circuits,
    IDbContextFactory<InfoBotDbContext> factory,
    TimeProvider time) : IHealthCheck
{
    /// <summary>A reply still waiting this long after it was due means sending has stalled (the longest backoff is 15 min).</summary>
    public static readonly TimeSpan StalledAfter = TimeSpan.FromMinutes(30);

    public const string StateKey = "state";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = states.FirstOrDefault(s => s.Channel == channel)?.State ?? "off";
        var data = new Dictionary<string, object> { [StateKey] = state };
        if (state == "off")
        {
            return HealthCheckResult.Healthy(state, data);
        }

        var circuitOpen = circuits.IsOpen(channel);
        data["circuit"] = circuitOpen ? "open" : "closed";
        var overdue = 0;
        if (adapters.Any(a => a.Channel == channel))
        {
            try
            {
                (data["outbox_pending"], overdue) = await BacklogAsync(cancellationToken);
                data["replies_overdue"] = overdue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The store check names the fault; this channel still reports its own state.
                data["outbox_pending"] = "unknown";
            }
        }

        if (state != "ok" || circuitOpen)
        {
            return HealthCheckResult.Unhealthy(circuitOpen ? $"{state}; circuit open" : state, data: data);
        }

        return overdue > 0
            ? HealthCheckResult.Degraded($"{overdue} replies waiting over {StalledAfter.TotalMinutes:0} minutes", data: data)
            : HealthCheckResult.Healthy(state, data);
    }

    private async Task<(int Pending, int Overdue)> BacklogAsync(CancellationToken ct)
    {
        var stalled = time.GetUtcNow() - StalledAfter;
        await using var db = await factory.CreateDbContextAsync(ct);
        var pending = db.Outbox.Where(o => o.Channel == channel && o.Status == OutboxStatus.Pending);
        // Announcements are paced over hours by design; only replies to someone who wrote count as a stall.
        return (await pending.CountAsync(ct), await pending.CountAsync(o => o.Kind == OutboxKind.Reply && o.NextAttemptAt < stalled, ct));
    }
}
