using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage;

/// <summary>One outbox row as a push channel's sender receives it.</summary>
public sealed record OutboxDelivery(long Id, ConversationRef To, OutboundMessage Message, int Attempts, OutboxKind Kind = OutboxKind.Reply);

/// <summary>
/// The outbox seen by push channels (Telegram, Zalo): which replies are due, and the outcome of each send, stored
/// on its row. A chat's replies go strictly in order: only the oldest unsettled reply of a chat is ever due
/// (and likewise for its bulk messages).
/// </summary>
public sealed class OutboxDispatcher(IDbContextFactory<InfoBotDbContext> factory, SqliteWriteGate writes, TimeProvider time, IDeliveryFallback? fallback = null)
{
    /// <summary>Attempts after which a transient fault becomes a permanent failure (about an hour and a half of backoff).</summary>
    public const int MaxTransientAttempts = 10;

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The due heads of each chat's queues on <paramref name="channel"/>: replies first, then bulk (only when
    /// <paramref name="includeBulk"/>, i.e. outside quiet hours), each oldest first. A chat has two queues, so an
    /// announcement waiting for the morning never holds up the answer to a question asked at night.
    /// </summary>
    public async Task<IReadOnlyList<OutboxDelivery>> DueAsync(string channel, int take, bool includeBulk, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        // Only the columns a send needs: the conversation is joined for its user id alone, not loaded with its state
        // JSON for every due row (issue 15).
        var rows = await db.Outbox
            .Where(o => Heads(db, channel, includeBulk).Contains(o.Id) && o.NextAttemptAt <= now && (o.LeaseUntil == null || o.LeaseUntil <= now))
            .OrderBy(o => o.Kind).ThenBy(o => o.Id).Take(take)
            .Select(o => new { o.Id, o.Channel, o.Conversation!.UserId, o.ChatId, o.Text, o.ChoicesJson, o.Attempts, o.Kind })
            .ToListAsync(ct);
        return rows.Select(o => new OutboxDelivery(
            o.Id,
            new ConversationRef(o.Channel, o.UserId, o.ChatId),
            new OutboundMessage(o.Text, StateSerializer.DeserializeChoices(o.ChoicesJson)),
            o.Attempts,
            o.Kind)).ToList();
    }

    /// <summary>When the next head on the channel becomes due (null: nothing pending).</summary>
    public async Task<DateTimeOffset?> NextDueAtAsync(string channel, bool includeBulk, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Heads only: a later reply of a chat waits for the head, however early its own time.
        // A head another sender holds is due when its lease ends (OutboxLeases), not before.
        return await db.Outbox.Where(o => Heads(db, channel, includeBulk).Contains(o.Id))
            .Select(o => o.LeaseUntil != null && o.LeaseUntil > o.NextAttemptAt ? o.LeaseUntil : (DateTimeOffset?)o.NextAttemptAt)
            .OrderBy(at => at).FirstOrDefaultAsync(ct);
    }

    private static IQueryable<long> Heads(InfoBotDbContext db, string channel, bool includeBulk) =>
        db.Outbox.Where(o => o.Channel == channel && o.Status == OutboxStatus.Pending
                && (o.Kind == OutboxKind.Reply || (includeBulk && (o.BroadcastId == null || o.Broadcast!.State == BroadcastState.Sending))))
            .GroupBy(o => new { o.ChatId, o.Kind }).Select(g => g.Min(o => o.Id));

    /// <summary>
    /// Those of <paramref name="outboxIds"/> whose conversation was marked unreachable after they were queued: settled
    /// here (not sent) and returned. One read for a whole round of sends, and a write only when there is something to settle.
    /// </summary>
    public async Task<IReadOnlySet<long>> SkipUnreachableAsync(IReadOnlyCollection<long> outboxIds, CancellationToken ct)
    {
        if (outboxIds.Count == 0)
        {
            return new HashSet<long>();
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var ids = outboxIds.ToArray();
        var rows = await db.Outbox.Include(o => o.Conversation).Where(o => ids.Contains(o.Id) && o.Conversation!.Unreachable).ToListAsync(ct);
        foreach (var row in rows)
        {
            row.Status = OutboxStatus.Unreachable;
            row.Error = row.Conversation!.UnreachableReason ?? "unreachable";
            _ = ForgetAddressIfErased(row);
        }

        if (rows.Count > 0)
        {
            await writes.WriteAsync(() => db.SaveChangesAsync(ct), ct);
        }

        return rows.Select(r => r.Id).ToHashSet();
    }

    /// <summary>Stores the outcome of one send on its row (and on the conversation when the resident is unreachable).</summary>
    public Task RecordAsync(long outboxId, SendResult result, CancellationToken ct) => RecordAllAsync([(outboxId, result)], ct);

    /// <summary>
    /// Stores the outcomes of a round of sends, each on its row (and on the conversation when the resident is
    /// unreachable), in one transaction: one turn of SQLite's single writer for the round instead of one per send, so
    /// the turns queued behind it wait less. A crash before this commit leaves the round's rows in flight, and they are
    /// sent again: the duplicate bound stays the rows in flight (OutboxLeases).
    /// </summary>
    public async Task RecordAllAsync(IReadOnlyList<(long OutboxId, SendResult Result)> outcomes, CancellationToken ct)
    {
        if (outcomes.Count == 0 || (outcomes.All(o => o.Result is SendResult.Sent) && await RecordSentRepliesAsync(outcomes, ct)))
        {
            return;
        }

        var now = time.GetUtcNow();
        var rerouted = new List<string>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var forgot = await writes.WriteAsync(() => ResilientTransaction.ExecuteAsync(db, async () =>
        {
            rerouted.Clear();
            var ids = outcomes.Select(o => o.OutboxId).ToArray();
            var rows = await db.Outbox.Include(o => o.Conversation).Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
            var forgot = false;
            foreach (var (outboxId, result) in outcomes)
            {
                var row = rows[outboxId];
                if (await RecordOneAsync(db, row, result, now, ct) is { } next)
                {
                    rerouted.Add(next);
                }

                forgot |= ForgetAddressIfErased(row);
            }

            await db.SaveChangesAsync(ct);
            return forgot;
        }, ct), ct);
        if (forgot)
        {
            await ConversationEraser.ScrubFilesAsync(db, ct);
        }

        foreach (var channel in rerouted)
        {
            fallback!.Rerouted(channel);
        }
    }

    /// <summary>
    /// The common round: every send went through and every row is a reply whose resident still has an address. Each
    /// row's outcome is one UPDATE of its own columns (<see cref="ModelRows"/>, a statement kept on the connection), after
    /// one narrow read of what decides it, instead of loading the rows with their conversations (state JSON and all),
    /// tracking them and having SaveChanges build the commands, all inside the single-writer gate (issue 15: the Telegram
    /// benchmark's largest part of the sender). False, with nothing written, when a row needs more (an announcement's
    /// reach row, an erased resident's address): then the round takes the path that handles every outcome.
    /// </summary>
    private async Task<bool> RecordSentRepliesAsync(IReadOnlyList<(long OutboxId, SendResult Result)> outcomes, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ids = outcomes.Select(o => o.OutboxId).ToArray();
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        return await writes.WriteAsync(() => ResilientTransaction.ExecuteAsync(db, async () =>
        {
            // Read inside the transaction, as the full path reads its rows: an erasure cannot slip in between on SQLite.
            var facts = await db.Outbox.AsNoTracking().Where(o => ids.Contains(o.Id))
                .Select(o => new SentRowFacts(o.Id, o.Attempts, o.BroadcastId, o.ChatId, o.Conversation!.ChatId))
                .ToDictionaryAsync(f => f.Id, ct);
            if (facts.Count != ids.Length || facts.Values.Any(f => f.BroadcastId is not null
                    || (ConversationEraser.IsErased(f.ConversationChatId) && f.ConversationChatId != f.ChatId)))
            {
                return false;
            }

            var rows = ModelRows.For(db);
            var connection = db.Database.GetDbConnection();
            foreach (var (outboxId, result) in outcomes)
            {
                // Only SentColumns are written; the required members are there to build the object, not stored.
                var row = new OutboxRecord
                {
                    Id = outboxId,
                    Channel = string.Empty,
                    ChatId = string.Empty,
                    Text = string.Empty,
                    Status = OutboxStatus.Sent,
                    SentAt = now,
                    ExternalId = ((SendResult.Sent)result).ExternalId,
                    Error = null,
                    Attempts = facts[outboxId].Attempts + 1,
                    ClaimedBy = null, // the outcome is known: no longer in flight (OutboxLeases)
                    LeaseUntil = null,
                };
                using var update = rows.UpdateOf(connection, row, SentColumns);
                await update.ExecuteAsync(db, returning: false, ct);
            }

            return true;
        }, ct), ct);
    }

    // What a sent reply's outcome changes on its row (RecordOneAsync's Sent case, less the reach row replies do not have).
    private static readonly string[] SentColumns =
    [
        nameof(OutboxRecord.Status), nameof(OutboxRecord.SentAt), nameof(OutboxRecord.ExternalId), nameof(OutboxRecord.Error),
        nameof(OutboxRecord.Attempts), nameof(OutboxRecord.ClaimedBy), nameof(OutboxRecord.LeaseUntil),
    ];

    private sealed record SentRowFacts(long Id, int Attempts, long? BroadcastId, string ChatId, string ConversationChatId);

    /// <summary>Applies one send's outcome to its tracked row; returns the row's new channel when it was rerouted.</summary>
    private async Task<string?> RecordOneAsync(InfoBotDbContext db, OutboxRecord row, SendResult result, DateTimeOffset now, CancellationToken ct)
    {
        row.Attempts++;
        row.ClaimedBy = null; // the outcome is known: no longer in flight (OutboxLeases)
        row.LeaseUntil = null;
        switch (result)
        {
            case SendResult.Sent sent:
                row.Status = OutboxStatus.Sent;
                row.SentAt = now;
                row.ExternalId = sent.ExternalId;
                row.Error = null;
                await CountReachAsync(db, row, now, ct);
                break;
            case SendResult.RetryAfter wait:
                row.Attempts--; // the platform's pacing, not a fault of this row: it does not count towards giving up
                row.NextAttemptAt = now + wait.Delay;
                row.Error = wait.Reason;
                break;
            case SendResult.Transient fault when row.Attempts >= MaxTransientAttempts:
                row.Status = OutboxStatus.Failed;
                row.Error = "gave up: " + fault.Error;
                break;
            case SendResult.Transient fault:
                row.NextAttemptAt = now + Backoff(row.Attempts);
                row.Error = fault.Error;
                break;
            case SendResult.Unreachable gone:
                row.Status = OutboxStatus.Unreachable;
                row.Error = gone.Reason;
                await ConversationSignals.MarkUnreachableAsync(db, row.Conversation!, gone.Reason, ct);
                break;
            case SendResult.Failed failed:
                if (row.BroadcastId is not null && fallback is not null && await fallback.RerouteAsync(db, row, failed.Error, now, ct) is { } next)
                {
                    return next; // the same resident on their next route (issue 18)
                }

                row.Status = OutboxStatus.Failed;
                row.Error = failed.Error;
                break;
        }

        return null;
    }

    /// <summary>
    /// A delivered announcement is information that reached the resident: one reach row, in the same transaction as
    /// the Sent status (so a crash never counts it twice or not at all). Pull channels (web chat) call it when the page takes the row. Commune, household and declared category go
    /// on it only when the resident consented to statistics, as for the turns (ReachWriter).
    /// </summary>
    internal static async Task CountReachAsync(InfoBotDbContext db, OutboxRecord row, DateTimeOffset now, CancellationToken ct)
    {
        if (row.BroadcastId is not { } broadcastId)
        {
            return;
        }

        var counted = await db.ResidentProfiles.AsNoTracking()
            .Where(p => p.ConversationId == row.ConversationId && p.ConsentStatistics)
            .Select(p => new { p.CommuneCode, p.HouseholdId, p.DeclaredCategory }).FirstOrDefaultAsync(ct);
        db.ReachLog.Add(new Reach.ReachRecord
        {
            At = now,
            Day = Reach.ReachDay.Of(now),
            Channel = row.Channel,
            ConversationId = row.ConversationId,
            Kind = Reach.ReachKinds.Announcement,
            Subject = broadcastId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            BroadcastId = broadcastId,
            CommuneCode = counted?.CommuneCode,
            HouseholdId = counted?.HouseholdId,
            DeclaredCategory = counted?.DeclaredCategory,
        });
    }

    /// <summary>
    /// «Xóa dữ liệu của tôi» cut the conversation from the resident, but its confirmation kept their address to be
    /// delivered (push channels): once settled, it is cut too. Only an erased conversation's: a row's address may
    /// differ from its conversation's for other reasons (a ZNS delivery's is its tracking_id, zns:…), and those stay.
    /// </summary>
    private static bool ForgetAddressIfErased(OutboxRecord row)
    {
        if (row.Status != OutboxStatus.Pending && row.Conversation is { } conversation
            && ConversationEraser.IsErased(conversation.ChatId) && conversation.ChatId != row.ChatId)
        {
            row.ChatId = conversation.ChatId;
            return true;
        }

        return false;
    }

    /// <summary>2, 4, 8 … seconds, capped: a flaky network gets quick retries, an outage does not get hammered.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Max(1, attempts)), MaxBackoff.TotalSeconds));
}
