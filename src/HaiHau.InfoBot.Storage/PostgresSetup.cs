using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// PostgreSQL's start-up: several hosts may start at once, so the migrations and the raw SQL beside them (the
/// twins of SQLite's triggers) run under one session advisory lock: the first host migrates, the others wait and
/// then find nothing to do. The lock goes with the session, so a host killed mid-migration leaves no stale lock.
/// </summary>
internal static class PostgresSetup
{
    // An arbitrary key shared by every host of this bot ("InfoBot" in ASCII, 0x496E666F426F74).
    private const string Lock = "SELECT pg_advisory_lock(20669059532222324);";
    private const string Unlock = "SELECT pg_advisory_unlock(20669059532222324);";

    public static async Task MigrateAsync(InfoBotDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync(Lock, ct);
            try
            {
                await db.Database.MigrateAsync(ct);
                await AppendOnlyTables.EnsureAsync(db, ct);
                await Reach.ReachErasures.EnsureAsync(db, ct);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync(Unlock, CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
