using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// Who is sending which outbox row (issues 14 and 16). A sender claims the rows it is about to send — committed before
/// the platform call, so a row is marked in flight first — and <see cref="OutboxDispatcher.RecordAsync"/> releases it
/// with the outcome. Two hosts never send the same row: on PostgreSQL the candidates are locked FOR UPDATE SKIP LOCKED
/// (a row another host is claiming is skipped, not waited for), on SQLite the one writer makes the conditional update
/// atomic. A host that dies mid-send leaves its rows claimed: once the lease ends, any sender takes them over.
/// Such a row may or may not have reached the resident (Telegram cannot tell us), so it is sent again: at least once,
/// and the duplicates are bounded by the rows in flight when the host died (one batch of the channel's pacer).
/// </summary>
public sealed class OutboxLeases(IDbContextFactory<InfoBotDbContext> factory, SqliteWriteGate writes, TimeProvider time)
{
    /// <summary>Longer than any send takes (the platform clients time out well within it), short enough to resume soon.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private const string SentAgain = "in flight when its sender stopped: sent again (the platform cannot tell whether it arrived)";

    /// <summary>This process, as it signs its claims: machine, process and a random part (a restarted process differs).</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Claims those of <paramref name="ids"/> that are still pending and not held by a live lease; returns them.</summary>
    public async Task<IReadOnlySet<long>> ClaimAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new HashSet<long>();
        }

        var now = time.GetUtcNow();
        var until = now + Lease;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await writes.WriteAsync(() => ResilientTransaction.ExecuteAsync(db, async () =>
        {
            var candidates = ids.ToArray();
            if (db.IsPostgres())
            {
                // Rows another host is claiming this instant are left to it instead of waited for.
                candidates = (await db.Database.SqlQuery<long>(
                    $"""SELECT "Id" AS "Value" FROM outbox WHERE "Id" = ANY({candidates}) FOR UPDATE SKIP LOCKED""").ToListAsync(ct)).ToArray();
            }

            // Checked again here, not only when the rows were listed: an announcement paused or cancelled since is not sent.
            await db.Outbox.Where(o => candidates.Contains(o.Id) && o.Status == OutboxStatus.Pending && (o.LeaseUntil == null || o.LeaseUntil <= now)
                    && (o.BroadcastId == null || o.Broadcast!.State == BroadcastState.Sending))
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.ClaimedBy, Owner).SetProperty(o => o.LeaseUntil, until), ct);
            var claimed = await db.Outbox.Where(o => candidates.Contains(o.Id) && o.ClaimedBy == Owner && o.LeaseUntil == until)
                .Select(o => o.Id).ToListAsync(ct);
            return (IReadOnlySet<long>)claimed.ToHashSet();
        }, ct), ct);
    }

    /// <summary>
    /// When this host has just become a channel's sender (<see cref="HostRoles.Sender"/>): the rows of that channel
    /// another owner left in flight are released now, not when their lease ends. Only the sender claims a channel's
    /// rows, and the previous sender lost its database session (it died or was cut off), so they are sent again, as
    /// after a restart: duplicates bounded by the rows it had in flight. Returns how many.
    /// </summary>
    public async Task<int> TakeOverAsync(string channel, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await writes.WriteAsync(() => db.Outbox
            .Where(o => o.Channel == channel && o.Status == OutboxStatus.Pending && o.ClaimedBy != null && o.ClaimedBy != Owner)
            .ExecuteUpdateAsync(u => u
                .SetProperty(o => o.ClaimedBy, (string?)null)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(o => o.Error, SentAgain), ct), ct);
    }

    /// <summary>
    /// At start-up: the rows a previous run left in flight. With <paramref name="soleHost"/> (SQLite: one bot per file)
    /// they are released at once, since their sender is gone; with several hosts (PostgreSQL) a live host may hold them,
    /// so only expired leases are released (the others are taken over when theirs end). Returns how many were in flight.
    /// </summary>
    public async Task<int> ReconcileAsync(bool soleHost, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        // Looked for first with a plain read: a restart after a clean stop has none, and the bulk update (LINQ) then never
        // loads EF's query pipeline at start (issue 15). The update itself keeps its conditions, so a row is released only
        // if it still qualifies.
        var inFlight = RowQuery<OutboxRecord>.From(db).Where(nameof(OutboxRecord.Status), OutboxStatus.Pending).NotNull(nameof(OutboxRecord.ClaimedBy));
        if (!soleHost)
        {
            inFlight.Compare(nameof(OutboxRecord.LeaseUntil), "<=", now);
        }

        if (!await inFlight.AnyAsync(ct))
        {
            return 0;
        }

        return await writes.WriteAsync(() => db.Outbox
            .Where(o => o.Status == OutboxStatus.Pending && o.ClaimedBy != null && o.ClaimedBy != Owner && (soleHost || o.LeaseUntil <= now))
            .ExecuteUpdateAsync(u => u
                .SetProperty(o => o.ClaimedBy, (string?)null)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(o => o.Error, SentAgain), ct), ct);
    }
}
