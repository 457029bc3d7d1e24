using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Reach;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Register;
using HaiHau.InfoBot.Storage.Residents;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Operations;

/// <summary>What an office's database holds after some use, and a count of every row of every table to compare copies.</summary>
internal static class OperationsData
{
    /// <summary>Web chat conversations (real turns), households on the register, a registered resident, an announcement and an audit row.</summary>
    public static async Task SeedAsync(InfoBotApp app, int conversations = 3)
    {
        var chat = new WebChatClient(app.CreateClient());
        for (var i = 0; i < conversations; i++)
        {
            var started = await chat.StartAsync();
            await chat.SendAsync(started.ConversationId, text: "thẻ bảo hiểm y tế hết hạn thì làm sao");
        }

        var factory = app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var household = new HouseholdRecord { Code = "H-OPS-1" };
        db.RegisterEntries.Add(new RegisterEntryRecord { Household = household, Year = 2022, CommuneCode = "hai-an", Category = RegisterCategory.Poor, HeadName = "Trần Văn A", HeadNameKey = "tran van a" });
        db.RegisterEntries.Add(new RegisterEntryRecord { Household = new HouseholdRecord { Code = "H-OPS-2" }, Year = 2022, CommuneCode = "hai-an", Category = RegisterCategory.NearPoor, HeadName = "Lê Thị B", HeadNameKey = "le thi b" });
        await db.SaveChangesAsync();
        db.ResidentProfiles.Add(new ResidentProfileRecord
        {
            Conversation = new ConversationRecord { Channel = "telegram", ChatId = "ops-1", UserId = "ops-1" },
            Channel = "telegram", ConsentAnnouncements = true, ConsentStatistics = true, CommuneCode = "hai-an", DeclaredCategory = "ngheo", HouseholdId = household.Id,
        });
        await db.SaveChangesAsync();
        var registered = await db.ResidentProfiles.SingleAsync(p => p.HouseholdId == household.Id);
        var now = app.Time.GetUtcNow();
        db.ReachLog.Add(new ReachRecord
        {
            At = now, Day = int.Parse(now.ToOffset(TimeSpan.FromHours(7)).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture),
            Channel = "telegram", ConversationId = registered.ConversationId, Kind = ReachKinds.Article, Topic = "health_insurance", CommuneCode = "hai-an", HouseholdId = household.Id, DeclaredCategory = "ngheo",
        });
        db.Broadcasts.Add(new BroadcastRecord { Text = "Họp xét duyệt hộ cận nghèo ngày 20/9", SegmentJson = "{}", CreatedBy = "officer@test", CreatedAt = app.Time.GetUtcNow(), ScheduledAt = app.Time.GetUtcNow() });
        db.AuditLog.Add(new AuditRecord { At = app.Time.GetUtcNow(), ActorId = "officer", Actor = "officer@test", Action = AuditActions.HouseholdsImported });
        await db.SaveChangesAsync();
    }

    /// <summary>Every table's row count, read straight from the file (migrations history included).</summary>
    public static async Task<Dictionary<string, long>> CountRowsAsync(string file)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\";";
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }

    public static string FileOf(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;
}
