using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// The audit log and the reach log are append-only, enforced by SQLite itself so no code path (or hand-written SQL)
/// can rewrite history. The one update allowed: erasing a resident clears the personal columns of their reach rows.
/// Created at every start with IF NOT EXISTS, so they survive the migrations being regenerated.
/// </summary>
public static class AppendOnlyTables
{
    private const string Sql = """
        CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS reach_log_no_delete BEFORE DELETE ON reach_log
        BEGIN SELECT RAISE(ABORT, 'reach_log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS reach_log_erase_only BEFORE UPDATE ON reach_log
        WHEN NEW.Id IS NOT OLD.Id OR NEW.At IS NOT OLD.At OR NEW.Day IS NOT OLD.Day OR NEW.Channel IS NOT OLD.Channel
          OR NEW.ConversationId IS NOT OLD.ConversationId OR NEW.Kind IS NOT OLD.Kind OR NEW.Topic IS NOT OLD.Topic
          OR NEW.Subject IS NOT OLD.Subject OR NEW.BroadcastId IS NOT OLD.BroadcastId
          OR NEW.HouseholdId IS NOT NULL AND NEW.HouseholdId IS NOT OLD.HouseholdId
          OR NEW.DeclaredCategory IS NOT NULL AND NEW.DeclaredCategory IS NOT OLD.DeclaredCategory
          OR NEW.CommuneCode IS NOT NULL AND NEW.CommuneCode IS NOT OLD.CommuneCode
        BEGIN SELECT RAISE(ABORT, 'reach_log is append-only (only erasing may clear its personal columns)'); END;
        """;

    public static Task EnsureAsync(InfoBotDbContext db, CancellationToken ct) => db.Database.ExecuteSqlRawAsync(Sql, ct);
}
