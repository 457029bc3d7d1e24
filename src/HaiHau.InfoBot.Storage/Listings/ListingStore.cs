using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage.Listings;

/// <summary>What an import changed.</summary>
public sealed record UpsertCounts(int Added, int Updated, int Unchanged);

/// <summary>
/// What the console writes to the audit log with an upsert, in the same transaction: one entry per new and per
/// changed listing (TargetId = its code, so "who created this district-wide listing" can be answered), and a summary.
/// </summary>
public sealed record ListingAudit(AuditEntry Created, AuditEntry Updated, AuditEntry? Summary);

/// <summary>Writes imported listings (upsert by code, one transaction) and reads them back for the snapshot.</summary>
public sealed class ListingStore(IDbContextFactory<InfoBotDbContext> factory, SqliteWriteGate writes, TimeProvider time)
{
    public async Task<UpsertCounts> UpsertAsync(ListingKind kind, IReadOnlyList<Listing> listings, CancellationToken ct) =>
        (await UpsertAsync(kind, listings, audit: null, ct)).Counts;

    /// <summary>Upserts and audits in one transaction; also says which codes were new (for the news to subscribers).</summary>
    public async Task<(UpsertCounts Counts, IReadOnlyList<string> AddedCodes)> UpsertAsync(ListingKind kind, IReadOnlyList<Listing> listings, ListingAudit? audit, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        int added = 0, updated = 0, unchanged = 0;
        var addedCodes = new List<string>();
        var updatedCodes = new List<string>();
        var codes = listings.Select(l => l.Code).ToList();
        if (kind == ListingKind.Job)
        {
            var existing = await db.JobListings.Where(j => codes.Contains(j.Code)).ToDictionaryAsync(j => j.Code, StringComparer.Ordinal, ct);
            foreach (var listing in listings)
            {
                var record = existing.GetValueOrDefault(listing.Code);
                if (record is null)
                {
                    db.JobListings.Add(Fill(new JobListingRecord { Code = listing.Code, Title = "", Provider = "", Contact = "", Source = "", ImportedAt = now, UpdatedAt = now }, listing));
                    added++;
                    addedCodes.Add(listing.Code);
                }
                else if (Count(Fill(record, listing), db, now, ref updated, ref unchanged))
                {
                    updatedCodes.Add(listing.Code);
                }
            }
        }
        else
        {
            var existing = await db.Courses.Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct);
            foreach (var listing in listings)
            {
                var record = existing.GetValueOrDefault(listing.Code);
                if (record is null)
                {
                    db.Courses.Add(Fill(new CourseRecord { Code = listing.Code, Title = "", Provider = "", Contact = "", Source = "", ImportedAt = now, UpdatedAt = now }, listing));
                    added++;
                    addedCodes.Add(listing.Code);
                }
                else if (Count(Fill(record, listing), db, now, ref updated, ref unchanged))
                {
                    updatedCodes.Add(listing.Code);
                }
            }
        }

        if (audit is not null)
        {
            var target = TargetKind(kind);
            var communes = listings.ToDictionary(l => l.Code, l => l.CommuneCode, StringComparer.Ordinal);
            foreach (var code in addedCodes)
            {
                AuditLog.Add(db, audit.Created with { TargetKind = target, TargetId = code, Commune = communes[code] }, now);
            }

            foreach (var code in updatedCodes)
            {
                AuditLog.Add(db, audit.Updated with { TargetKind = target, TargetId = code, Commune = communes[code] }, now);
            }

            if (audit.Summary is { } summary)
            {
                AuditLog.Add(db, summary with { TargetKind = target, Details = $"{summary.Details} {added} mới, {updated} cập nhật, {unchanged} không đổi".Trim() }, now);
            }
        }

        await writes.WriteAsync(() => db.SaveChangesAsync(ct), ct); // one implicit transaction: all rows (and their audit) or none
        return (new UpsertCounts(added, updated, unchanged), addedCodes);
    }

    /// <summary>Every listing of a kind. Plain reads (<see cref="RowQuery{T}"/>): they run at start and on the refresh timer (issue 15).</summary>
    public async Task<IReadOnlyList<Listing>> LoadAsync(ListingKind kind, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return kind == ListingKind.Job
            ? (await RowQuery<JobListingRecord>.From(db).ListAsync(ct)).Select(j => ToListing(kind, j, j.Pay, null)).ToList()
            : (await RowQuery<CourseRecord>.From(db).ListAsync(ct)).Select(c => ToListing(kind, c, c.Support, c.StartsOn)).ToList();
    }

    /// <summary>The audit log's target kind for listings of <paramref name="kind"/>.</summary>
    public static string TargetKind(ListingKind kind) => kind == ListingKind.Job ? "job" : "course";

    private static bool Count(ListingRecordBase record, InfoBotDbContext db, DateTimeOffset now, ref int updated, ref int unchanged)
    {
        if (db.Entry(record).State == EntityState.Modified)
        {
            record.UpdatedAt = now;
            updated++;
            return true;
        }

        unchanged++;
        return false;
    }

    private static JobListingRecord Fill(JobListingRecord r, Listing l)
    {
        FillCommon(r, l);
        r.Pay = l.PayOrSupport;
        return r;
    }

    private static CourseRecord Fill(CourseRecord r, Listing l)
    {
        FillCommon(r, l);
        r.Support = l.PayOrSupport;
        r.StartsOn = l.StartsOn;
        return r;
    }

    // Assigning an equal value leaves the property unmodified, so an unchanged row stays Unchanged.
    private static void FillCommon(ListingRecordBase r, Listing l)
    {
        r.Title = l.Title;
        r.Provider = l.Provider;
        r.CommuneCode = l.CommuneCode;
        r.Place = l.Place;
        r.Deadline = l.Deadline;
        r.Contact = l.Contact;
        r.Source = l.Source;
        r.PostedOn = l.PostedOn;
        r.Description = l.Description;
    }

    private static Listing ToListing(ListingKind kind, ListingRecordBase r, string? payOrSupport, DateOnly? startsOn) =>
        new(kind, r.Code, r.Title, r.Provider, r.CommuneCode, r.Place, payOrSupport, r.Deadline, startsOn, r.Contact, r.Source, r.PostedOn, r.Description);
}
