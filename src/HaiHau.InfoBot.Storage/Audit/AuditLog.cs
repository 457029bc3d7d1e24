using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage.Audit;

/// <summary>Who did it and what, to be appended to the audit log.</summary>
public sealed record AuditEntry(string ActorId, string Actor, string Action, string? TargetKind = null, string? TargetId = null, string? Commune = null, string? Details = null);

/// <summary>Appends to the audit log (alone, or inside the caller's own transaction) and reads it back, newest first.</summary>
public sealed class AuditLog(IDbContextFactory<InfoBotDbContext> factory, SqliteWriteGate writes, TimeProvider time)
{
    /// <summary>Adds the entry to <paramref name="db"/>: it is saved with the caller's changes, or not at all.</summary>
    public static void Add(InfoBotDbContext db, AuditEntry entry, DateTimeOffset at) => db.AuditLog.Add(new AuditRecord
    {
        At = at,
        ActorId = entry.ActorId,
        Actor = entry.Actor,
        Action = entry.Action,
        TargetKind = entry.TargetKind,
        TargetId = entry.TargetId,
        Commune = entry.Commune,
        Details = entry.Details,
    });

    public async Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        Add(db, entry, time.GetUtcNow());
        await writes.WriteAsync(() => db.SaveChangesAsync(ct), ct);
    }

    public async Task<(IReadOnlyList<AuditRecord> Rows, int Total)> PageAsync(int page, int size, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var total = await db.AuditLog.CountAsync(ct);
        var rows = await db.AuditLog.AsNoTracking().OrderByDescending(a => a.Id).Skip(Math.Max(0, page - 1) * size).Take(size).ToListAsync(ct);
        return (rows, total);
    }
}
