using System.Text.Json;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage;

/// <summary>What an officer asks for: the text (and link) to whom, from when.</summary>
public sealed record BroadcastDraft(string Text, string? Link, Segment Segment, DateTimeOffset ScheduledAt, string CreatedBy, bool NeedsApproval = false, string? ZnsTemplateId = null);

/// <summary>An announcement's delivery so far: every outbox row of it, counted by outcome.</summary>
public sealed record BroadcastProgress(
    long Id,
    BroadcastState State,
    int Targeted,
    int Pending,
    int Sent,
    int Unreachable,
    int Cancelled,
    IReadOnlyDictionary<string, int> FailedByReason)
{
    public int Failed => FailedByReason.Values.Sum();
}

/// <summary>
/// Announcements in the database: scheduling, fan-out into the outbox as bulk rows, pause/resume/cancel, progress.
/// Fan-out writes in batches and is safe to repeat: a unique (broadcast, conversation) index and a skip of the
/// conversations already queued mean a crash half-way leaves no one skipped and no one queued twice. Nothing is
/// sent before the fan-out is complete, because the sender only takes rows of announcements in <c>Sending</c>.
/// </summary>
public sealed class BroadcastStore(IDbContextFactory<InfoBotDbContext> factory, SqliteWriteGate writes, TimeProvider time)
{
    /// <summary>Rows per write transaction: small enough that a resident's reply never waits long for the write gate.</summary>
    public const int FanOutBatch = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<long> CreateAsync(BroadcastDraft draft, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var record = new BroadcastRecord
        {
            Text = draft.Text,
            Link = draft.Link,
            ZnsTemplateId = draft.ZnsTemplateId,
            SegmentJson = JsonSerializer.Serialize(draft.Segment, Json),
            State = draft.NeedsApproval ? BroadcastState.AwaitingApproval : BroadcastState.Scheduled,
            ScheduledAt = draft.ScheduledAt,
            CreatedBy = draft.CreatedBy,
            CreatedAt = time.GetUtcNow(),
        };
        db.Broadcasts.Add(record);
        await writes.WriteAsync(() => db.SaveChangesAsync(ct), ct);
        return record.Id;
    }

    public static Segment SegmentOf(BroadcastRecord record) => JsonSerializer.Deserialize<Segment>(record.SegmentJson, Json) ?? Segment.Everyone;

    /// <summary>The text residents receive: the announcement, then its link on a line of its own.</summary>
    public static string MessageOf(BroadcastRecord record) =>
        string.IsNullOrWhiteSpace(record.Link) ? record.Text : record.Text.TrimEnd() + "\n\n" + record.Link.Trim();

    /// <summary>Scheduled announcements whose time has come (including one whose fan-out a crash interrupted).</summary>
    public async Task<IReadOnlyList<BroadcastRecord>> DueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        // The scheduler's timer reads these every half minute: plain reads, not LINQ (issue 15, see RowQuery).
        return await RowQuery<BroadcastRecord>.From(db).Where(nameof(BroadcastRecord.State), BroadcastState.Scheduled)
            .Compare(nameof(BroadcastRecord.ScheduledAt), "<=", now).OrderBy(nameof(BroadcastRecord.ScheduledAt)).ListAsync(ct);
    }

    /// <summary>When the next scheduled announcement is due (null: none scheduled).</summary>
    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var next = await RowQuery<BroadcastRecord>.From(db).Where(nameof(BroadcastRecord.State), BroadcastState.Scheduled)
            .OrderBy(nameof(BroadcastRecord.ScheduledAt)).Take(1).ValuesAsync<DateTimeOffset>(nameof(BroadcastRecord.ScheduledAt), ct);
        return next.Count == 0 ? null : next[0];
    }

    /// <summary>Queues one bulk row per audience member not yet queued, then starts sending. Returns the number targeted.</summary>
    public async Task<int> FanOutAsync(long broadcastId, IReadOnlyList<AudienceMember> audience, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var broadcast = await db.Broadcasts.FirstAsync(b => b.Id == broadcastId, ct);
        if (broadcast.State != BroadcastState.Scheduled)
        {
            return broadcast.Targeted; // cancelled meanwhile, or already fanned out
        }

        var queued = (await db.Outbox.Where(o => o.BroadcastId == broadcastId).Select(o => o.ConversationId).ToListAsync(ct)).ToHashSet();
        var text = MessageOf(broadcast);
        var now = time.GetUtcNow();
        foreach (var batch in audience.Where(m => !queued.Contains(m.ConversationId)).Chunk(FanOutBatch))
        {
            await using var batchDb = await factory.CreateDbContextAsync(ct);
            batchDb.Outbox.AddRange(batch.Select(m => new OutboxRecord
            {
                ConversationId = m.ConversationId,
                Channel = m.Who.Channel,
                ChatId = m.Who.ChatId,
                Text = text,
                Kind = OutboxKind.Bulk,
                BroadcastId = broadcastId,
                CreatedAt = now,
                NextAttemptAt = now,
            }));
            await writes.WriteAsync(() => batchDb.SaveChangesAsync(ct), ct);
        }

        broadcast.Targeted = await db.Outbox.CountAsync(o => o.BroadcastId == broadcastId, ct);
        broadcast.State = BroadcastState.Sending;
        broadcast.StartedAt = now;
        await writes.WriteAsync(() => db.SaveChangesAsync(ct), ct);
        return broadcast.Targeted;
    }

    /// <summary>
    /// Fan-out with a route per resident (issue 18): a promotion or ZNS delivery is a row on that route's outbox
    /// channel (ZNS rows carry <see cref="ZnsAddress"/>), another channel of the same person is a row on that
    /// conversation, and a resident no route reaches is a row settled at once as unreachable ("not reachable"), so
    /// they are counted, never silently left out. Same batching and crash safety as <see cref="FanOutAsync(long, IReadOnlyList{AudienceMember}, CancellationToken)"/>.
    /// </summary>
    public async Task<int> FanOutAsync(long broadcastId, IReadOnlyList<RoutedMember> plan, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var broadcast = await db.Broadcasts.FirstAsync(b => b.Id == broadcastId, ct);
        if (broadcast.State != BroadcastState.Scheduled)
        {
            return broadcast.Targeted;
        }

        var queued = (await db.Outbox.Where(o => o.BroadcastId == broadcastId).Select(o => o.ConversationId).ToListAsync(ct)).ToHashSet();
        var text = MessageOf(broadcast);
        var now = time.GetUtcNow();
        foreach (var batch in plan.Where(r => !queued.Contains(r.Member.ConversationId)).Chunk(FanOutBatch))
        {
            await using var batchDb = await factory.CreateDbContextAsync(ct);
            batchDb.Outbox.AddRange(batch.Select(r => new OutboxRecord
            {
                ConversationId = r.Member.ConversationId,
                Channel = BroadcastRouteChannels.ChannelOf(r.Route, r.Member.Who.Channel),
                ChatId = r.Route == BroadcastRoute.ZaloZns ? ZnsAddress.Of(broadcastId, r.Member.ConversationId) : r.Member.Who.ChatId,
                Text = text,
                Kind = OutboxKind.Bulk,
                BroadcastId = broadcastId,
                CreatedAt = now,
                NextAttemptAt = now,
                Status = r.Route == BroadcastRoute.NotReachable ? OutboxStatus.Unreachable : OutboxStatus.Pending,
                Error = r.Route == BroadcastRoute.NotReachable ? BroadcastRouteChannels.NotReachableReason : null,
            }));
            await writes.WriteAsync(() => batchDb.SaveChangesAsync(ct), ct);
        }

        broadcast.Targeted = await db.Outbox.CountAsync(o => o.BroadcastId == broadcastId, ct);
        broadcast.State = BroadcastState.Sending;
        broadcast.StartedAt = now;
        await writes.WriteAsync(() => db.SaveChangesAsync(ct), ct);
        return broadcast.Targeted;
    }

    /// <summary>
    /// Delivered and planned per route. A row on another channel than Zalo whose conversation is on Zalo-less
    /// person keys cannot be told from a direct one here, so "other channel" deliveries count as direct.
    /// </summary>
    public async Task<BroadcastRouteProgress> RouteProgressAsync(long broadcastId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Outbox.Where(o => o.BroadcastId == broadcastId)
            .GroupBy(o => new { o.Channel, o.Status, NotReachable = o.Error == BroadcastRouteChannels.NotReachableReason })
            .Select(g => new { g.Key.Channel, g.Key.Status, g.Key.NotReachable, Count = g.Count() }).ToListAsync(ct);
        var delivered = Enum.GetValues<BroadcastRoute>().ToDictionary(r => r, _ => 0);
        var planned = Enum.GetValues<BroadcastRoute>().ToDictionary(r => r, _ => 0);
        var notReachable = 0;
        foreach (var row in rows)
        {
            if (row.NotReachable && row.Status == OutboxStatus.Unreachable)
            {
                notReachable += row.Count;
                planned[BroadcastRoute.NotReachable] += row.Count;
                continue;
            }

            var route = BroadcastRouteChannels.Of(row.Channel);
            planned[route] += row.Count;
            if (row.Status == OutboxStatus.Sent)
            {
                delivered[route] += row.Count;
            }
        }

        return new BroadcastRouteProgress(delivered, planned, notReachable);
    }

    /// <summary>ZNS messages delivered since <paramref name="since"/> (the month's spending is this times the price).</summary>
    public async Task<int> ZnsSentSinceAsync(DateTimeOffset since, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Outbox.CountAsync(o => o.Channel == BroadcastRouteChannels.ZaloZns && o.Status == OutboxStatus.Sent && o.SentAt >= since, ct);
    }

    /// <summary>Moves an announcement between states when it is in one of <paramref name="from"/>; false otherwise.</summary>
    public async Task<bool> MoveAsync(long broadcastId, BroadcastState[] from, BroadcastState to, string? by, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await writes.WriteAsync(() => ResilientTransaction.ExecuteAsync(db, async () =>
        {
            var broadcast = await db.Broadcasts.FirstOrDefaultAsync(b => b.Id == broadcastId, ct);
            if (broadcast is null || !from.Contains(broadcast.State))
            {
                return false;
            }

            broadcast.State = to;
            if (to == BroadcastState.Scheduled && broadcast.ApprovedBy is null && from.Contains(BroadcastState.AwaitingApproval))
            {
                broadcast.ApprovedBy = by;
            }

            if (to == BroadcastState.Cancelled)
            {
                // What has gone out stays counted; what has not is settled as cancelled, so the sender never takes it.
                await db.Outbox.Where(o => o.BroadcastId == broadcastId && o.Status == OutboxStatus.Pending)
                    .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OutboxStatus.Cancelled), ct);
                broadcast.CompletedAt = time.GetUtcNow();
            }

            await db.SaveChangesAsync(ct);
            return true;
        }, ct), ct);
    }

    /// <summary>Channels whose residents pull their messages (web chat): a row there waits until they open the chat.</summary>
    public static readonly IReadOnlyList<string> PullChannels = ["web", "terminal"];

    /// <summary>
    /// Marks announcements that have no push delivery left pending as completed; returns their ids. Web chat rows do
    /// not hold it open: they are delivered whenever the resident next opens the chat, which may be never.
    /// </summary>
    public async Task<IReadOnlyList<long>> CompleteFinishedAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Most of the time nothing is sending: a plain read says so, and the LINQ below runs only while something is.
        if (!await RowQuery<BroadcastRecord>.From(db).Where(nameof(BroadcastRecord.State), BroadcastState.Sending).AnyAsync(ct))
        {
            return [];
        }

        var finished = await db.Broadcasts
            .Where(b => b.State == BroadcastState.Sending && !db.Outbox.Any(o => o.BroadcastId == b.Id && o.Status == OutboxStatus.Pending && !PullChannels.Contains(o.Channel)))
            .ToListAsync(ct);
        if (finished.Count == 0)
        {
            return [];
        }

        finished.ForEach(b =>
        {
            b.State = BroadcastState.Completed;
            b.CompletedAt = time.GetUtcNow();
        });
        await writes.WriteAsync(() => db.SaveChangesAsync(ct), ct);
        return finished.Select(b => b.Id).ToList();
    }

    public async Task<BroadcastProgress?> ProgressAsync(long broadcastId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var broadcast = await db.Broadcasts.AsNoTracking().FirstOrDefaultAsync(b => b.Id == broadcastId, ct);
        if (broadcast is null)
        {
            return null;
        }

        var counts = await db.Outbox.Where(o => o.BroadcastId == broadcastId)
            .GroupBy(o => new { o.Status, Reason = o.Status == OutboxStatus.Failed ? o.Error : null })
            .Select(g => new { g.Key.Status, g.Key.Reason, Count = g.Count() }).ToListAsync(ct);
        int Count(OutboxStatus status) => counts.Where(c => c.Status == status).Sum(c => c.Count);
        return new BroadcastProgress(
            broadcast.Id,
            broadcast.State,
            broadcast.Targeted,
            Count(OutboxStatus.Pending),
            Count(OutboxStatus.Sent),
            Count(OutboxStatus.Unreachable),
            Count(OutboxStatus.Cancelled),
            counts.Where(c => c.Status == OutboxStatus.Failed).GroupBy(c => c.Reason ?? "?").ToDictionary(g => g.Key, g => g.Sum(c => c.Count)));
    }
}

/// <summary>Delivered so far by each route of an announcement (issue 18), and how many no route reaches.</summary>
public sealed record BroadcastRouteProgress(IReadOnlyDictionary<BroadcastRoute, int> Delivered, IReadOnlyDictionary<BroadcastRoute, int> Planned, int NotReachable);
