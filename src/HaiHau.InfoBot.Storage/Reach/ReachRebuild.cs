using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage.Reach;

/// <summary>What a rebuild found: rows added now, rows that were already right.</summary>
public sealed record ReachRebuildResult(int Added, int AlreadyCounted);

/// <summary>
/// Recomputes the reach log from what is stored: every turn's events (read as <see cref="ReachCounting"/> reads a live
/// turn) and every announcement delivered. The log is append-only, so a rebuild only appends the rows that are
/// missing (those the turn writer did not count when it listened for kinds the engine never emitted); run twice, the
/// second run adds nothing. A rebuilt row carries the resident's commune, household and category as they are now,
/// and only if they consent to statistics now. Each run is noted in the audit log (the console shows the last one).
/// </summary>
public sealed class ReachRebuild(IDbContextFactory<InfoBotDbContext> factory, SqliteWriteGate writes, ReachCounting counting, TimeProvider time)
{
    public async Task<ReachRebuildResult> RunAsync(AuditEntry by, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var names = ReachCounting.CountedEvents.Keys.Select(k => k.Name).ToList();
        var events = await db.TurnEvents.AsNoTracking().Where(e => names.Contains(e.Kind))
            .Select(e => new { e.Id, e.ConversationId, e.Channel, e.Kind, e.Subject, e.At, e.InboxId }).ToListAsync(ct);
        var existing = await db.ReachLog.AsNoTracking()
            .Select(r => new { r.ConversationId, r.At, r.Kind, r.Subject, r.BroadcastId }).ToListAsync(ct);
        var profiles = await db.ResidentProfiles.AsNoTracking().Where(p => p.ConsentStatistics)
            .Select(p => new { p.ConversationId, p.CommuneCode, p.HouseholdId, p.DeclaredCategory })
            .ToDictionaryAsync(p => p.ConversationId, ct);

        // A multiset of the rows there: a turn that showed the same article twice has two rows, and needs two.
        var have = new Dictionary<(long, DateTimeOffset, string, string?), int>();
        foreach (var r in existing.Where(r => r.BroadcastId is null))
        {
            have[(r.ConversationId, r.At, r.Kind, r.Subject)] = have.GetValueOrDefault((r.ConversationId, r.At, r.Kind, r.Subject)) + 1;
        }

        var added = new List<ReachRecord>();
        var already = 0;
        foreach (var turn in events.GroupBy(e => e.InboxId is { } inbox ? (object)inbox : e.Id).OrderBy(g => g.Min(e => e.Id)))
        {
            var first = turn.First();
            var turnEvents = turn.OrderBy(e => e.Id).Select(e => new TurnEvent(EventKinds.Find(e.Kind)!, e.Subject)).ToList();
            foreach (var d in counting.Deliveries(turnEvents))
            {
                var key = (first.ConversationId, first.At, d.Kind, d.Subject);
                if (have.GetValueOrDefault(key) is > 0 and var n)
                {
                    have[key] = n - 1;
                    already++;
                    continue;
                }

                var p = profiles.GetValueOrDefault(first.ConversationId);
                added.Add(new ReachRecord
                {
                    At = first.At, Day = ReachDay.Of(first.At), Channel = first.Channel, ConversationId = first.ConversationId,
                    Kind = d.Kind, Subject = d.Subject, Topic = d.Topic,
                    CommuneCode = p?.CommuneCode, HouseholdId = p?.HouseholdId, DeclaredCategory = p?.DeclaredCategory,
                });
            }
        }

        // Announcements: one row per delivered copy (OutboxDispatcher.CountReachAsync); restore any that is missing.
        var announced = existing.Where(r => r.BroadcastId is not null).Select(r => (r.ConversationId, r.BroadcastId!.Value)).ToHashSet();
        var delivered = await db.Outbox.AsNoTracking().Where(o => o.BroadcastId != null && o.Status == OutboxStatus.Sent && o.SentAt != null)
            .Select(o => new { o.ConversationId, o.Channel, BroadcastId = o.BroadcastId!.Value, SentAt = o.SentAt!.Value }).ToListAsync(ct);
        foreach (var o in delivered)
        {
            if (!announced.Add((o.ConversationId, o.BroadcastId)))
            {
                already++;
                continue;
            }

            var p = profiles.GetValueOrDefault(o.ConversationId);
            added.Add(new ReachRecord
            {
                At = o.SentAt, Day = ReachDay.Of(o.SentAt), Channel = o.Channel, ConversationId = o.ConversationId,
                Kind = ReachKinds.Announcement, Subject = o.BroadcastId.ToString(System.Globalization.CultureInfo.InvariantCulture), BroadcastId = o.BroadcastId,
                CommuneCode = p?.CommuneCode, HouseholdId = p?.HouseholdId, DeclaredCategory = p?.DeclaredCategory,
            });
        }

        var result = new ReachRebuildResult(added.Count, already);
        db.ReachLog.AddRange(added);
        AuditLog.Add(db, by with
        {
            Action = AuditActions.ReachRebuilt,
            TargetKind = "report",
            TargetId = "reach",
            Details = $"{result.Added} dòng thêm, {result.AlreadyCounted} dòng đã có",
        }, time.GetUtcNow());
        await writes.WriteAsync(() => db.SaveChangesAsync(ct), ct);
        return result;
    }

    /// <summary>When the reach log was last rebuilt, for the console; null when never.</summary>
    public async Task<DateTimeOffset?> LastRunAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var last = await db.AuditLog.AsNoTracking().Where(a => a.Action == AuditActions.ReachRebuilt).OrderByDescending(a => a.Id)
            .Select(a => new { a.At }).FirstOrDefaultAsync(ct);
        return last?.At;
    }
}
