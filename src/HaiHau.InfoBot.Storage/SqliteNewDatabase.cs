using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// A new install's empty SQLite file gets the whole schema from one script (NewDatabase.sql: every migration's SQL and
/// its history row, as <c>dotnet ef migrations script --no-transactions</c> writes it) in one transaction, instead of
/// EF Core's migrator applying the migrations one by one: measured 0.5–0.6 s of CPU on the published host's first
/// start (issue 15: a new install healthy within 1.5 s). The result is the migrated schema with the same history, so
/// later upgrades migrate as usual. A script that does not end at this build's newest migration (not regenerated,
/// NewDatabaseScriptIsCurrentTests) is never run: the migrator is.
/// </summary>
internal static class SqliteNewDatabase
{
    private const string ScriptResource = "HaiHau.InfoBot.Storage.NewDatabase.sql";

    /// <summary>Creates the schema when the file has no table at all; false when it did nothing (not new, or no usable script).</summary>
    public static async Task<bool> TryCreateAsync(InfoBotDbContext db, CancellationToken ct)
    {
        var newest = db.Database.GetMigrations().LastOrDefault();
        if (newest is null || Script() is not { } script || !script.Contains($"VALUES ('{newest}'", StringComparison.Ordinal))
        {
            return false;
        }

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            // IMMEDIATE: a second process creating the same file waits here (busy_timeout), then sees the tables and stops.
            command.CommandText = "BEGIN IMMEDIATE;";
            await command.ExecuteNonQueryAsync(ct);
            try
            {
                command.CommandText = "SELECT COUNT(*) FROM sqlite_master;";
                if (Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) != 0)
                {
                    command.CommandText = "ROLLBACK;";
                    await command.ExecuteNonQueryAsync(ct);
                    return false;
                }

                command.CommandText = script;
                await command.ExecuteNonQueryAsync(ct);
                command.CommandText = "COMMIT;";
                await command.ExecuteNonQueryAsync(ct);
                return true;
            }
            catch
            {
                command.CommandText = "ROLLBACK;";
                await command.ExecuteNonQueryAsync(CancellationToken.None);
                throw;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The newest migration the embedded script records (its last history row), or null without a script. The script is
    /// regenerated with every migration and NewDatabaseScriptIsCurrentTests fails the build when it is not, so this is
    /// the build's newest migration, known without EF's migrations assembly, which loads every type of this assembly
    /// to find them (<see cref="SqliteMigrationCheck"/> asks on every restart).
    /// </summary>
    internal static string? NewestMigration()
    {
        const string HistoryRow = "VALUES ('";
        var script = Script();
        var at = script?.LastIndexOf(HistoryRow, StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return null;
        }

        var start = at + HistoryRow.Length;
        var end = script!.IndexOf('\'', start);
        return end > start ? script[start..end] : null;
    }

    /// <summary>The embedded script, or null when the build has none.</summary>
    internal static string? Script()
    {
        using var stream = typeof(SqliteNewDatabase).Assembly.GetManifestResourceStream(ScriptResource);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream); // drops the byte-order mark the tool writes
        return reader.ReadToEnd();
    }
}
