using HaiHau.InfoBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.TestKit;

/// <summary>
/// A SQLite database migrated once per test process and copied for each test that starts on a new file (issue 15: the
/// cost of a test host's boot). Migrating a new file takes 160–450 ms of CPU and a second or more of wall time on a
/// loaded machine (thirteen migrations, each its own synced transaction); copying the 340 KB result takes under 2 ms. A
/// host on the copy finds its newest migration applied and takes the restart path, as a deployed bot does every day;
/// the first start on a truly new file stays covered where it is the behaviour under test (MigrationOnStartTests, the
/// published-host and upgrade tests build their databases themselves). Each test gets its own copy: nothing is shared
/// but the template, which nobody writes once made.
/// </summary>
public static class MigratedSqliteTemplate
{
    private static readonly Lazy<string> Template = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Puts a copy of the migrated template at the connection string's file when there is no file there yet; a file
    /// that exists (a restart, a test's own old schema) is left as it is. Returns whether it copied.
    /// </summary>
    public static bool CopyIfNew(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal) || File.Exists(file))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        File.Copy(Template.Value, file);
        return true;
    }

    private static string Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "infobot-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(folder);
        var path = Path.Combine(folder, "migrated.db");
        // Not pooled: the connection closes with the context, so SQLite checkpoints the WAL into the file before it is copied.
        var options = new DbContextOptionsBuilder<InfoBotDbContext>();
        StorageSetup.Configure(options, $"Data Source={path};Pooling=False");
        // Off the caller's synchronisation context: a test may be on xUnit's, which a blocked wait could starve.
        Task.Run(async () =>
        {
            await using var db = new InfoBotDbContext(options.Options);
            await StorageSetup.MigrateAsync(db, CancellationToken.None);
        }).GetAwaiter().GetResult();
        if (File.Exists(path + "-wal"))
        {
            throw new InvalidOperationException($"the template's WAL was not checkpointed: {path}-wal");
        }

        return path;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner: an empty schema, no test data.
        }
    }
}
