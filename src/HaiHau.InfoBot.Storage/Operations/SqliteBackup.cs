using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage.Operations;

/// <summary>The outcome of a backup or restore, with the sentence the operator reads.</summary>
public sealed record BackupOutcome(bool Ok, string Message);

/// <summary>
/// Online backup and checked restore of the SQLite database. The backup uses SQLite's online backup API, which copies
/// a consistent snapshot while the bot keeps reading and writing (WAL: writers are not blocked).
/// </summary>
public static class SqliteBackup
{
    /// <summary>The database file a connection string names (relative paths against the working directory).</summary>
    public static string DatabasePath(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <summary>Copies the live database into <paramref name="file"/>: a single self-contained file, written whole or not at all.</summary>
    public static async Task<BackupOutcome> BackupAsync(string connectionString, string file, CancellationToken ct)
    {
        var source = DatabasePath(connectionString);
        var target = Path.GetFullPath(file);
        if (!File.Exists(source))
        {
            return new(false, $"Không có cơ sở dữ liệu tại {source}.");
        }

        if (string.Equals(source, target, StringComparison.Ordinal))
        {
            return new(false, "Tệp sao lưu không được trùng với tệp cơ sở dữ liệu.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        await using (var from = Open(source, SqliteOpenMode.ReadWrite))
        await using (var to = Open(partial, SqliteOpenMode.ReadWriteCreate))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            using (var busy = from.CreateCommand())
            {
                busy.CommandText = "PRAGMA busy_timeout=5000;";
                await busy.ExecuteNonQueryAsync(ct);
            }

            from.BackupDatabase(to);
            // The copy carries the live file's WAL flag; a rollback journal makes the backup one file to move around.
            using var journal = to.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode=DELETE;";
            await journal.ExecuteNonQueryAsync(ct);
        }

        File.Move(partial, target, overwrite: true);
        return new(true, $"Đã sao lưu vào {target} ({new FileInfo(target).Length:N0} byte).");
    }

    /// <summary>
    /// Checks <paramref name="file"/> (integrity, migrations known to this release) and copies it over the configured
    /// database. Refuses while a running bot holds the database's lock, and over an existing database unless forced.
    /// </summary>
    public static async Task<BackupOutcome> RestoreAsync(string connectionString, string file, bool force, CancellationToken ct)
    {
        var source = Path.GetFullPath(file);
        var target = DatabasePath(connectionString);
        var problem = await CheckAsync(source, ct);
        if (problem is not null)
        {
            return new(false, problem);
        }

        using var held = DatabaseLock.TryAcquire(target);
        if (held is null)
        {
            return new(false, $"Cơ sở dữ liệu {target} đang được bot dùng: hãy dừng bot rồi phục hồi.");
        }

        if (File.Exists(target) && !force)
        {
            return new(false, $"Đã có cơ sở dữ liệu tại {target}. Thêm --force để ghi đè (hãy sao lưu nó trước).");
        }

        SqliteConnection.ClearAllPools(); // a verb in this process may still hold the old file open
        await using (var from = Open(source, SqliteOpenMode.ReadOnly))
        await using (var to = Open(target, SqliteOpenMode.ReadWriteCreate))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            // Through SQLite, not File.Copy: a WAL file left beside the old database is overwritten consistently.
            from.BackupDatabase(to);
        }

        return new(true, $"Đã phục hồi {source} vào {target}. Khởi động bot để dùng.");
    }

    /// <summary>Null when the file is a sound InfoBot database this release can open; otherwise why not.</summary>
    public static async Task<string?> CheckAsync(string file, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            return $"Không thấy tệp {file}.";
        }

        List<string> applied = [];
        try
        {
            await using var connection = Open(file, SqliteOpenMode.ReadOnly);
            await connection.OpenAsync(ct);
            using (var check = connection.CreateCommand())
            {
                check.CommandText = "PRAGMA integrity_check;";
                var result = (string?)await check.ExecuteScalarAsync(ct);
                if (result != "ok")
                {
                    return $"Tệp {file} bị hỏng (integrity_check: {result}).";
                }
            }

            using var history = connection.CreateCommand();
            history.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId;";
            await using var reader = await history.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                applied.Add(reader.GetString(0));
            }
        }
        catch (SqliteException e)
        {
            return $"Tệp {file} không phải cơ sở dữ liệu của bot hoặc bị hỏng ({e.SqliteErrorCode}: {e.Message}).";
        }

        if (applied.Count == 0)
        {
            return $"Tệp {file} không có lịch sử cập nhật cấu trúc (__EFMigrationsHistory trống).";
        }

        var unknown = applied.Except(KnownMigrations(), StringComparer.Ordinal).ToList();
        return unknown.Count == 0
            ? null
            : $"Tệp {file} do một phiên bản mới hơn tạo (cập nhật lạ: {string.Join(", ", unknown)}): hãy dùng phiên bản đó để phục hồi.";
    }

    /// <summary>The migrations compiled into this release.</summary>
    public static IReadOnlyList<string> KnownMigrations()
    {
        var options = new DbContextOptionsBuilder<InfoBotDbContext>();
        StorageSetup.Configure(options, "Data Source=:memory:");
        using var db = new InfoBotDbContext(options.Options);
        return db.Database.GetMigrations().ToList();
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
}
