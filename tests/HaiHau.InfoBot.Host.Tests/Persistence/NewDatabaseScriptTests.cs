using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HaiHau.InfoBot.Host.Tests.Persistence;

/// <summary>
/// A new SQLite database is created from one script (src/HaiHau.InfoBot.Storage/NewDatabase.sql) rather than by the
/// migrator one migration at a time (issue 15: a new install's start). It must give exactly the migrated schema and
/// history, so a later release's migrations apply to it; and a database an older release made still migrates.
/// </summary>
public sealed class NewDatabaseScriptTests
{
    [Fact]
    public void The_script_is_what_the_migrations_generate_so_it_was_regenerated_with_them()
    {
        using var db = Context("Data Source=:memory:");
        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.NoTransactions);
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "HaiHau.InfoBot.Storage", "NewDatabase.sql"));

        // Run ./src/HaiHau.InfoBot.Storage.Postgres/regenerate-migration.sh after adding a migration.
        Assert.Equal(Lines(generated), Lines(committed));
        // A restart reads the build's newest migration from the script (SqliteMigrationCheck): it must be the assembly's.
        Assert.Equal(db.Database.GetMigrations().Last(), SqliteNewDatabase.NewestMigration());
    }

    [Fact]
    public async Task A_new_database_has_the_schema_and_history_the_migrations_give_and_stays_as_it_is_on_restart()
    {
        var ct = CancellationToken.None;
        using var temp = new TempDirectory();
        await using var created = Context(temp.SqliteConnectionString("new.db"));
        await using var migrated = Context(temp.SqliteConnectionString("migrated.db"));

        await StorageSetup.MigrateAsync(created, ct);
        await migrated.GetService<IMigrator>().MigrateAsync(cancellationToken: ct);
        await StorageSetup.MigrateAsync(migrated, ct); // the triggers and WAL every start adds
        await StorageSetup.MigrateAsync(created, ct); // a restart: nothing to apply, nothing fails

        Assert.Equal(await SchemaAsync(migrated, ct), await SchemaAsync(created, ct));
        Assert.Equal(created.Database.GetMigrations(), await created.Database.GetAppliedMigrationsAsync(ct));
        Assert.Empty(await created.Database.GetPendingMigrationsAsync(ct));
    }

    [Fact]
    public async Task A_database_of_the_first_release_with_a_resident_in_it_is_migrated_to_the_newest_and_keeps_the_resident()
    {
        var ct = CancellationToken.None;
        using var temp = new TempDirectory();
        await using var db = Context(temp.SqliteConnectionString());
        var all = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(all[0], ct);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO conversations (Channel, ChatId, UserId, StateJson, CreatedAt, UpdatedAt, Unreachable) VALUES ('web', 'c1', 'u1', '{{}}', 0, 0, 0);", ct);

        await StorageSetup.MigrateAsync(db, ct);

        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync(ct));
        Assert.Equal(["c1"], await db.Database.SqlQueryRaw<string>("SELECT ChatId AS Value FROM conversations").ToListAsync(ct));
    }

    private static InfoBotDbContext Context(string connectionString)
    {
        var options = new DbContextOptionsBuilder<InfoBotDbContext>();
        StorageSetup.Configure(options, connectionString);
        return new InfoBotDbContext(options.Options);
    }

    private static string[] Lines(string script) =>
        script.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray();

    /// <summary>Every table, index and trigger with its SQL, but EF's lock table (made by the migrator while it works).</summary>
    private static async Task<List<string>> SchemaAsync(InfoBotDbContext db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<string>(
            "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') AS Value FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsLock' ORDER BY type, name")
            .ToListAsync(ct);
}
