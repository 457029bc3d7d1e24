using HaiHau.InfoBot.Storage.Records;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// An announcement's send-time fallback (issue 18): when a route refuses one resident at send time (Zalo's 7-day window,
/// the promotion quota), the same row moves to that resident's next route, so the delivery stays one row, is counted
/// once, and can never go twice. Registered by the Zalo routes when configured; without it a failure stays a failure.
/// </summary>
public interface IDeliveryFallback
{
    /// <summary>
    /// Moves <paramref name="row"/> (an announcement's, just refused with <paramref name="failure"/>) to the next route
    /// that can reach the resident, in the caller's transaction, pending again; returns its outbox channel, or null
    /// when the failure is not a route's refusal or no route is left (the row then fails as before).
    /// </summary>
    Task<string?> RerouteAsync(InfoBotDbContext db, OutboxRecord row, string failure, DateTimeOffset now, CancellationToken ct);

    /// <summary>After the commit: the row's new channel has work (its sender is woken).</summary>
    void Rerouted(string channel);
}
