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

    /// <summary>
    /// PostgreSQL's twin: the same rules as row triggers, plus TRUNCATE (which skips row triggers). Created or replaced at
    /// every start under the migration lock (PostgresSetup), so it too survives regenerated migrations.
    /// </summary>
    private const string PostgresSql = """
        CREATE OR REPLACE FUNCTION infobot_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;
        CREATE OR REPLACE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION infobot_append_only();
        CREATE OR REPLACE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION infobot_append_only();
        CREATE OR REPLACE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION infobot_append_only();
        CREATE OR REPLACE TRIGGER reach_log_no_delete BEFORE DELETE ON reach_log FOR EACH ROW EXECUTE FUNCTION infobot_append_only();
        CREATE OR REPLACE TRIGGER reach_log_no_truncate BEFORE TRUNCATE ON reach_log FOR EACH STATEMENT EXECUTE FUNCTION infobot_append_only();
        CREATE OR REPLACE FUNCTION infobot_reach_log_erase_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW."Id" IS DISTINCT FROM OLD."Id" OR NEW."At" IS DISTINCT FROM OLD."At" OR NEW."Day" IS DISTINCT FROM OLD."Day"
            OR NEW."Channel" IS DISTINCT FROM OLD."Channel" OR NEW."ConversationId" IS DISTINCT FROM OLD."ConversationId"
            OR NEW."Kind" IS DISTINCT FROM OLD."Kind" OR NEW."Topic" IS DISTINCT FROM OLD."Topic"
            OR NEW."Subject" IS DISTINCT FROM OLD."Subject" OR NEW."BroadcastId" IS DISTINCT FROM OLD."BroadcastId"
            OR (NEW."HouseholdId" IS NOT NULL AND NEW."HouseholdId" IS DISTINCT FROM OLD."HouseholdId")
            OR (NEW."DeclaredCategory" IS NOT NULL AND NEW."DeclaredCategory" IS DISTINCT FROM OLD."DeclaredCategory")
            OR (NEW."CommuneCode" IS NOT NULL AND NEW."CommuneCode" IS DISTINCT FROM OLD."CommuneCode")
          THEN
            RAISE EXCEPTION 'reach_log is append-only (only erasing may clear its personal columns)';
          END IF;
          RETURN NEW;
        END $$;
        CREATE OR REPLACE TRIGGER reach_log_erase_only BEFORE UPDATE ON reach_log FOR EACH ROW EXECUTE FUNCTION infobot_reach_log_erase_only();
        """;

    public static Task EnsureAsync(InfoBotDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(db.IsPostgres() ? PostgresSql : Sql, ct);
}
