using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Storage.Audit;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage.Listings;

/// <summary>A listing as the console shows it: the listing, when it last changed, and the account that created it (null: imported by the command line).</summary>
public sealed record ListingEntry(Listing Listing, DateTimeOffset UpdatedAt, string? CreatedById);

/// <summary>
/// A resident who registered interest in a course, as much as is stored and no more: the channel, when they
/// consented, and the commune and register household code if their registration says so. Never a message text.
/// </summary>
public sealed record CourseLeadEntry(string Channel, DateTimeOffset ConsentedAt, string? CommuneCode, string? HouseholdCode);

/// <summary>What the officer pages read and change besides upserts (which go through <see cref="ListingStore"/>).</summary>
public sealed class ListingConsoleStore(IDbContextFactory<InfoBotDbContext> factory, ListingStore listings, SqliteWriteGate writes, TimeProvider time)
{
    public async Task<IReadOnlyList<ListingEntry>> ListAsync(ListingKind kind, CancellationToken ct)
    {
        var all = await listings.LoadAsync(kind, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var updated = kind == ListingKind.Job
            ? await db.JobListings.AsNoTracking().ToDictionaryAsync(j => j.Code, j => j.UpdatedAt, StringComparer.Ordinal, ct)
            : await db.Courses.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.UpdatedAt, StringComparer.Ordinal, ct);
        var creators = await CreatorsAsync(db, kind, ct);
        return all.Select(l => new ListingEntry(l, updated.GetValueOrDefault(l.Code), creators.GetValueOrDefault(l.Code))).ToList();
    }

    public async Task<ListingEntry?> FindAsync(ListingKind kind, string code, CancellationToken ct) =>
        (await ListAsync(kind, ct)).FirstOrDefault(e => string.Equals(e.Listing.Code, code, StringComparison.Ordinal));

    /// <summary>Closes the listing: its deadline becomes <paramref name="lastDay"/> (yesterday), so residents no longer see it.</summary>
    public async Task<bool> ExpireAsync(ListingKind kind, string code, DateOnly lastDay, AuditEntry by, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        Records.ListingRecordBase? record = kind == ListingKind.Job
            ? await db.JobListings.FirstOrDefaultAsync(j => j.Code == code, ct)
            : await db.Courses.FirstOrDefaultAsync(c => c.Code == code, ct);
        if (record is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (record.Deadline > lastDay)
        {
            record.Deadline = lastDay;
            record.UpdatedAt = now;
        }

        AuditLog.Add(db, by with { TargetKind = ListingStore.TargetKind(kind), TargetId = code, Commune = record.CommuneCode }, now);
        await writes.WriteAsync(() => db.SaveChangesAsync(ct), ct);
        return true;
    }

    public async Task<IReadOnlyList<CourseLeadEntry>> LeadsAsync(string courseCode, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var leads = await db.CourseLeads.AsNoTracking().Where(l => l.CourseCode == courseCode)
            .Select(l => new { l.ConversationId, l.Conversation!.Channel, l.ConsentedAt }).ToListAsync(ct);
        var ids = leads.Select(l => l.ConversationId).ToList();
        var profiles = await db.ResidentProfiles.AsNoTracking().Where(p => ids.Contains(p.ConversationId))
            .Select(p => new { p.ConversationId, p.CommuneCode, Household = p.Household == null ? null : p.Household.Code }).ToDictionaryAsync(p => p.ConversationId, ct);
        var subscriptions = await db.NewsSubscriptions.AsNoTracking().Where(s => ids.Contains(s.ConversationId) && s.CommuneCode != null)
            .Select(s => new { s.ConversationId, s.CommuneCode }).ToListAsync(ct);
        return leads.OrderBy(l => l.ConsentedAt).Select(l =>
        {
            var profile = profiles.GetValueOrDefault(l.ConversationId);
            var commune = profile?.CommuneCode ?? subscriptions.FirstOrDefault(s => s.ConversationId == l.ConversationId)?.CommuneCode;
            return new CourseLeadEntry(l.Channel, l.ConsentedAt, commune, profile?.Household);
        }).ToList();
    }

    public async Task<IReadOnlyDictionary<string, int>> LeadCountsAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.CourseLeads.GroupBy(l => l.CourseCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, ct);
    }

    /// <summary>Who created each listing on the console, from the audit log (the log is append-only, so it is the record).</summary>
    private static async Task<Dictionary<string, string>> CreatorsAsync(InfoBotDbContext db, ListingKind kind, CancellationToken ct)
    {
        var target = ListingStore.TargetKind(kind);
        var rows = await db.AuditLog.AsNoTracking().Where(a => a.Action == AuditActions.ListingCreated && a.TargetKind == target && a.TargetId != null)
            .OrderBy(a => a.Id).Select(a => new { a.TargetId, a.ActorId }).ToListAsync(ct);
        var creators = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            creators.TryAdd(row.TargetId!, row.ActorId);
        }

        return creators;
    }
}
