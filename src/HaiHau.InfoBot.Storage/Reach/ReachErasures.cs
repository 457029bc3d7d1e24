using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage.Reach;

/// <summary>
/// A note, in order, of each conversation whose reach rows were erased («xóa dữ liệu của tôi»), written by SQLite
/// itself when an update clears a row's household or declared category (the only update reach_log allows).
/// The report's in-memory copy of the log (<see cref="ReachRows"/>) reads it to drop those rows from every count
/// without re-reading the whole log. It holds only conversation ids, nothing personal.
/// Created at every start with IF NOT EXISTS, like the append-only triggers, so it survives regenerated migrations.
/// </summary>
public static class ReachErasures
{
    private const string Sql = """
        CREATE TABLE IF NOT EXISTS reach_erasures (Id INTEGER PRIMARY KEY AUTOINCREMENT, ConversationId INTEGER NOT NULL);
        CREATE TRIGGER IF NOT EXISTS reach_log_erased AFTER UPDATE OF HouseholdId, DeclaredCategory ON reach_log
        WHEN (OLD.HouseholdId IS NOT NULL AND NEW.HouseholdId IS NULL) OR (OLD.DeclaredCategory IS NOT NULL AND NEW.DeclaredCategory IS NULL)
        BEGIN
          INSERT INTO reach_erasures (ConversationId)
          SELECT NEW.ConversationId WHERE NOT EXISTS (SELECT 1 FROM reach_erasures WHERE Id = (SELECT MAX(Id) FROM reach_erasures) AND ConversationId = NEW.ConversationId);
        END;
        """;

    public static Task EnsureAsync(InfoBotDbContext db, CancellationToken ct) => db.Database.ExecuteSqlRawAsync(Sql, ct);
}
