using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;
using System.Runtime.CompilerServices;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// Opens the database the way the bot needs it. SQLite: folder created, schema migrated, WAL journal.
/// PostgreSQL: schema migrated once across hosts, with the twins of SQLite's triggers.
/// </summary>
public static class StorageSetup
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        Configure(options, DatabaseProvider.Sqlite, connectionString);

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            ConfigurePostgres(options, connectionString);
            return;
        }

        // SQLite keeps EF's default, non-retrying strategy: its one transient failure, SQLITE_BUSY, is already
        // waited out by SqliteWriteGate (this process) and busy_timeout (another process on the file).
        // The compiled model (CompiledModel/, made by regenerate-migration.sh) spares each start building the model from
        // OnModelCreating: 0.2-0.3 s of CPU on the published host (issue 15). SQLite only: PostgreSQL's model differs
        // in its provider annotations, so it is still built from the code.
        // The connection without EF's .NET functions keeps the turn's prepared statements valid across opens (issue 15).
        options.UseSqlite(connectionString).AddInterceptors(SqlitePragmas.Instance).UseModel(CompiledModel.InfoBotDbContextModel.Instance);
        SqliteConnectionWithoutFunctions.Use(options);
    }

    /// <summary>
    /// Its own method, never inlined: the runtime loads Npgsql's assemblies when it prepares a method that names their
    /// types, so a SQLite host that never calls this never loads them (issue 15: less start-up and memory).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql
            .MigrationsAssembly(DatabaseProviders.PostgresMigrationsAssembly)
            .EnableRetryOnFailure(PostgresRetries, PostgresMaxRetryDelay, PostgresRetriedErrors));

    /// <summary>
    /// How often a PostgreSQL operation (a query, a save, a <see cref="ResilientTransaction"/>) is tried again after a
    /// transient failure: the first retry at once, then after about 1, 3, 7 and 10 s, which covers a server restart
    /// or a fail-over (about 20 s in all) while a web turn's client is still waiting.
    /// </summary>
    public const int PostgresRetries = 5;

    public static readonly TimeSpan PostgresMaxRetryDelay = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Besides what Npgsql calls transient (a broken connection, too many connections, a serialization failure…):
    /// admin_shutdown and crash_shutdown, which a restart, a fail-over or pg_terminate_backend send to each session.
    /// </summary>
    private static readonly string[] PostgresRetriedErrors = ["57P01", "57P02"];

    /// <summary>Creates the database folder and applies migrations. Call once at start.</summary>
    public static async Task MigrateAsync(InfoBotDbContext db, CancellationToken ct)
    {
        if (db.IsPostgres())
        {
            await PostgresSetup.MigrateAsync(db, ct);
            return;
        }

        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        if (!await SqliteMigrationCheck.IsUpToDateAsync(db, ct) && !await SqliteNewDatabase.TryCreateAsync(db, ct))
        {
            await db.Database.MigrateAsync(ct);
        }

        await AppendOnlyTables.EnsureAsync(db, ct);
        await Reach.ReachErasures.EnsureAsync(db, ct);
        // WAL lets readers (web chat polls, health) run beside the writer; it persists in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>
    /// synchronous=NORMAL is safe against a killed process in WAL mode (only power loss can drop the last commits)
    /// and several times faster than FULL. Applied once per physical connection: the settings live as long as SQLite's
    /// handle, which Microsoft.Data.Sqlite's pool keeps across opens. Running them on every open measured as a
    /// tenth of a web turn's database time (three opens a turn, each parsing and running four PRAGMAs).
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            if (connection is SqliteConnection { Handle: { } handle } && !Configured.TryAdd(handle, Configured))
            {
                return; // this physical connection already has them
            }

            using var command = connection.CreateCommand();
            // busy_timeout: another process on the same file (the terminal chat beside the server) waits instead of failing.
            // secure_delete: what a delete or update removes is overwritten with zeros, not left in free space, so an
            // erasure (ConversationEraser) leaves no readable trace in the file.
            // wal_autocheckpoint: the serving host checkpoints beside the writer, not inside a turn's COMMIT (WalCheckpoint).
            command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA secure_delete=ON; " +
                $"PRAGMA wal_autocheckpoint={Operations.WalCheckpoint.AutoCheckpointPages.ToString(System.Globalization.CultureInfo.InvariantCulture)};";
            command.ExecuteNonQuery();
        }
    }
}
