using HaiHau.InfoBot.Host.Tests.Cli;
using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Operations;

/// <summary>`db backup` and `db restore` on real SQLite files, against a running host.</summary>
public sealed class DbBackupRestoreTests : HostTestBase
{
    private readonly TempDirectory elsewhere = new();

    private string Live => OperationsData.FileOf(Folder.SqliteConnectionString());

    [Fact]
    public async Task A_backup_taken_while_the_bot_writes_restores_into_a_new_folder_with_every_row()
    {
        Dictionary<string, long> before;
        var backup = Path.Combine(elsewhere.Path, "backups", "infobot.db");
        using (var app = NewApp())
        {
            await OperationsData.SeedAsync(app);
            before = await OperationsData.CountRowsAsync(Live);
            var chat = new WebChatClient(app.CreateClient());
            var writing = Task.Run(async () =>
            {
                for (var i = 0; i < 3; i++)
                {
                    var started = await chat.StartAsync();
                    await chat.SendAsync(started.ConversationId, text: "vay vốn hộ nghèo");
                }
            });

            var (code, output, error) = await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["db", "backup", backup]);
            await writing;

            Assert.True(code == 0, error);
            Assert.Contains("Đã sao lưu", output, StringComparison.Ordinal);
        }

        var copy = await OperationsData.CountRowsAsync(backup);
        Assert.All(before, t => Assert.True(copy[t.Key] >= t.Value, $"{t.Key}: {copy[t.Key]} < {t.Value}")); // what was there before, and maybe the concurrent writes
        Assert.Equal(before.Keys.Order(), copy.Keys.Order());

        var restored = new TempDirectory();
        try
        {
            var target = restored.SqliteConnectionString();
            var (code, output, error) = await ConsoleVerbRunner.RunAsync(target, ["db", "restore", backup]);
            Assert.True(code == 0, error);
            Assert.Contains("Đã phục hồi", output, StringComparison.Ordinal);

            using var app = new InfoBotApp(target, InfoBotApp.NewClock());
            var factory = app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>();
            await using (var db = await factory.CreateDbContextAsync())
            {
                Assert.Equal(["H-OPS-1", "H-OPS-2"], await db.Households.OrderBy(h => h.Code).Select(h => h.Code).ToListAsync());
                Assert.Equal("Họp xét duyệt hộ cận nghèo ngày 20/9", (await db.Broadcasts.SingleAsync()).Text);
                Assert.Equal("hai-an", (await db.ResidentProfiles.SingleAsync(p => p.HouseholdId != null)).CommuneCode);
            }

            Assert.Equal(copy, await OperationsData.CountRowsAsync(OperationsData.FileOf(target)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            restored.Dispose();
        }
    }

    [Fact]
    public async Task A_backup_from_a_newer_release_is_refused_and_nothing_is_written()
    {
        var backup = await BackupOfSeededHostAsync();
        await using (var connection = new SqliteConnection($"Data Source={backup};Pooling=False"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29990101000000_FromANewerRelease', '99.0.0');";
            await command.ExecuteNonQueryAsync();
        }

        var target = Path.Combine(elsewhere.Path, "restored", "infobot.db");
        var (code, _, error) = await ConsoleVerbRunner.RunAsync($"Data Source={target}", ["db", "restore", backup]);

        Assert.Equal(1, code);
        Assert.Contains("phiên bản mới hơn", error, StringComparison.Ordinal);
        Assert.Contains("29990101000000_FromANewerRelease", error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task A_corrupt_backup_is_refused_and_nothing_is_written()
    {
        var backup = await BackupOfSeededHostAsync();
        var bytes = await File.ReadAllBytesAsync(backup);
        Array.Fill(bytes, (byte)0x5A, bytes.Length / 2, 4096); // a scribbled page in the middle of the file
        await File.WriteAllBytesAsync(backup, bytes);

        var target = Path.Combine(elsewhere.Path, "restored", "infobot.db");
        var (code, _, error) = await ConsoleVerbRunner.RunAsync($"Data Source={target}", ["db", "restore", backup]);

        Assert.Equal(1, code);
        Assert.Contains("hỏng", error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Restore_refuses_a_database_a_running_bot_uses_and_an_existing_one_without_force()
    {
        var backup = await BackupOfSeededHostAsync();

        using (var app = NewApp())
        {
            _ = app.Services; // started: it holds the database's lock
            var (running, _, error) = await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["db", "restore", backup, "--force"]);
            Assert.Equal(1, running);
            Assert.Contains("đang được bot dùng", error, StringComparison.Ordinal);
        }

        var (stopped, _, refused) = await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["db", "restore", backup]);
        Assert.Equal(1, stopped);
        Assert.Contains("--force", refused, StringComparison.Ordinal);

        var (forced, _, problem) = await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["db", "restore", backup, "--force"]);
        Assert.True(forced == 0, problem);
    }

    private async Task<string> BackupOfSeededHostAsync()
    {
        var backup = Path.Combine(elsewhere.Path, "seeded.db");
        using var app = NewApp();
        await OperationsData.SeedAsync(app, conversations: 1);
        var (code, _, error) = await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["db", "backup", backup]);
        Assert.True(code == 0, error);
        return backup;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            elsewhere.Dispose();
        }

        base.Dispose(disposing);
    }
}
