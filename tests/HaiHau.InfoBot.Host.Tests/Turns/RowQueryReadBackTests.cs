using System.Reflection;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Residents;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Postgres;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Turns;

/// <summary>
/// The turn's look-ups, start-up and the timers read with plain ADO.NET (RowQuery, issue 15) what EF Core wrote and reads
/// everywhere else. If the two disagreed on a column (a name, an enum, a time's offset, a date, a null) a resident's
/// conversation would go on from another state, a silenced chat would answer, an announcement would go out early, a
/// course would show the wrong start date.
/// </summary>
public sealed class RowQueryReadBackTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 30, 15, TimeSpan.FromHours(7));

    [Theory, OnSqlite, OnPostgres]
    public async Task Rows_read_plainly_equal_what_EF_reads_column_by_column(DatabaseProvider provider)
    {
        using var store = new StoreHarness(provider: provider);
        await SeedAsync(store);

        await using var read = await store.Factory.CreateDbContextAsync();
        await AssertSameAsync(read.Conversations, RowQuery<ConversationRecord>.From(read));
        await AssertSameAsync(read.Inbox, RowQuery<InboxRecord>.From(read));
        await AssertSameAsync(read.Courses, RowQuery<CourseRecord>.From(read));
        await AssertSameAsync(read.Broadcasts, RowQuery<BroadcastRecord>.From(read));

        // The scheduler's questions: what is due now (in time order), and when the next one is.
        var due = await RowQuery<BroadcastRecord>.From(read).Where(nameof(BroadcastRecord.State), BroadcastState.Scheduled)
            .Compare(nameof(BroadcastRecord.ScheduledAt), "<=", Now).OrderBy(nameof(BroadcastRecord.ScheduledAt)).ListAsync(default);
        Assert.Equal(["sớm"], due.Select(b => b.Text));
        var next = await RowQuery<BroadcastRecord>.From(read).Where(nameof(BroadcastRecord.State), BroadcastState.Scheduled)
            .OrderBy(nameof(BroadcastRecord.ScheduledAt), descending: true).Take(1).ValuesAsync<DateTimeOffset>(nameof(BroadcastRecord.ScheduledAt), default);
        Assert.Equal([Now.AddHours(1)], next);
        Assert.Equal(2, await RowQuery<BroadcastRecord>.From(read).In(nameof(BroadcastRecord.Text), ["sớm", "đã gửi", "không có"]).CountAsync(default));
        Assert.Equal(0, await RowQuery<BroadcastRecord>.From(read).In(nameof(BroadcastRecord.Text), []).CountAsync(default));
        Assert.Equal(["KH-2"], (await RowQuery<CourseRecord>.From(read).Where(nameof(CourseRecord.StartsOn), null).ListAsync(default)).Select(c => c.Code));
        Assert.False(await RowQuery<ConversationRecord>.From(read).Where(nameof(ConversationRecord.Channel), "telegram").AnyAsync(default));
    }

    /// <summary>
    /// The turn's own look-ups (RowQuery.Kept) on an open SQLite connection read through a statement kept on it, no EF
    /// command; they must read the same rows. A table with a column the kept statement does not read (a course's dates)
    /// and a closed connection take EF's path, and read the same too.
    /// </summary>
    [Fact]
    public async Task Rows_read_through_the_statement_kept_on_the_connection_equal_what_EF_reads()
    {
        var sent = new SentCommands();
        using var store = new StoreHarness(interceptors: sent);
        await SeedAsync(store);

        await using var read = await store.Factory.CreateDbContextAsync();
        await AssertSameAsync(read.Courses, RowQuery<CourseRecord>.From(read).Kept(), sent, byEfCommand: true); // still closed
        await read.Database.OpenConnectionAsync();
        await AssertSameAsync(read.Conversations, RowQuery<ConversationRecord>.From(read).Kept(), sent, byEfCommand: false);
        await AssertSameAsync(read.Inbox, RowQuery<InboxRecord>.From(read).Kept(), sent, byEfCommand: false);
        await AssertSameAsync(read.Broadcasts, RowQuery<BroadcastRecord>.From(read).Kept(), sent, byEfCommand: false);
        await AssertSameAsync(read.Courses, RowQuery<CourseRecord>.From(read).Kept(), sent, byEfCommand: true);

        // Filters bound to the kept statement: text, an enum written as a literal, a time converted as stored, IS NULL.
        var silenced = await TurnQueries.ConversationByChatAsync(read, "zalo", "z1", default);
        Assert.Equal(("blocked", (DateTimeOffset?)Now.AddHours(2)), (silenced?.UnreachableReason, silenced?.SilencedUntil));
        Assert.Null(await TurnQueries.ConversationByChatAsync(read, "zalo", "w1", default));
        Assert.Equal(["sớm"], (await RowQuery<BroadcastRecord>.From(read).Where(nameof(BroadcastRecord.State), BroadcastState.Scheduled)
            .Compare(nameof(BroadcastRecord.ScheduledAt), "<=", Now).Where(nameof(BroadcastRecord.CompletedAt), null).Kept().ListAsync(default)).Select(b => b.Text));
        var failed = await TurnQueries.InboxByExternalIdAsync(read, "zalo", "m1", default);
        Assert.Equal((InboxStatus.Failed, 2, "thẻ bhyt hết hạn"), (failed?.Status, failed?.Attempts, failed?.Text));
        Assert.Empty(sent.Take());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_profile_found_by_the_turn_is_saved_when_the_turn_changes_it(DatabaseProvider provider)
    {
        using var store = new StoreHarness(provider: provider);
        long conversationId;
        await using (var db = await store.Factory.CreateDbContextAsync())
        {
            var conversation = new ConversationRecord { Channel = "web", ChatId = "w1", UserId = "w1", CreatedAt = Now, UpdatedAt = Now };
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync();
            conversationId = conversation.Id;
            db.ResidentProfiles.Add(new ResidentProfileRecord { ConversationId = conversationId, Channel = "web", ConsentAnnouncements = true, CreatedAt = Now, UpdatedAt = Now });
            await db.SaveChangesAsync();
        }

        await using (var turn = await store.Factory.CreateDbContextAsync())
        {
            var profile = await TurnQueries.ProfileByConversationAsync(turn, conversationId, default);
            Assert.NotNull(profile);
            profile.ConsentAnnouncements = false; // «dừng nhận tin»
            profile.AnnouncementsStoppedAt = Now;
            Assert.Equal(1, await turn.SaveChangesAsync());
        }

        await using var check = await store.Factory.CreateDbContextAsync();
        var saved = await check.ResidentProfiles.SingleAsync();
        Assert.Equal((false, (DateTimeOffset?)Now), (saved.ConsentAnnouncements, saved.AnnouncementsStoppedAt));
    }

    private static async Task SeedAsync(StoreHarness store)
    {
        await using (var db = await store.Factory.CreateDbContextAsync())
        {
            var silenced = new ConversationRecord
            {
                Channel = "zalo", ChatId = "z1", UserId = "u1", StateJson = """{"node":"menu"}""", CreatedAt = Now.AddDays(-3), UpdatedAt = Now,
                Unreachable = true, UnreachableReason = "blocked", SilencedUntil = Now.AddHours(2), Source = "xa-hai-chau",
            };
            db.Conversations.AddRange(silenced, new ConversationRecord { Channel = "web", ChatId = "w1", UserId = "w1", CreatedAt = Now, UpdatedAt = Now });
            db.Inbox.Add(new InboxRecord
            {
                Channel = "zalo", ExternalId = "m1", ChatId = "z1", UserId = "u1", Text = "thẻ bhyt hết hạn", IsStart = true, StartPayload = "qr",
                ReceivedAt = Now.AddMinutes(-1), Status = InboxStatus.Failed, Attempts = 2, Error = "TimeoutException", ProcessedAt = Now,
            });
            db.Courses.AddRange(Course("KH-1", new DateOnly(2027, 1, 15)), Course("KH-2", null));
            db.Broadcasts.AddRange(Broadcast("sớm", Now.AddMinutes(-5)), Broadcast("muộn", Now.AddHours(1)), Broadcast("đã gửi", Now.AddDays(-1), BroadcastState.Completed));
            await db.SaveChangesAsync();
        }
    }

    private static CourseRecord Course(string code, DateOnly? startsOn) => new()
    {
        Code = code, Title = "May công nghiệp", Provider = "Trung tâm GDNN", CommuneCode = "hai-chau", Place = "Hải Châu", Deadline = new DateOnly(2026, 12, 31),
        Contact = "UBND xã", Source = "so-lieu.xlsx", PostedOn = new DateOnly(2026, 11, 20), Description = null, ImportedAt = Now, UpdatedAt = Now,
        Support = "Miễn học phí", StartsOn = startsOn,
    };

    private static BroadcastRecord Broadcast(string text, DateTimeOffset at, BroadcastState state = BroadcastState.Scheduled) => new()
    {
        Text = text, SegmentJson = "{}", State = state, ScheduledAt = at, CreatedBy = "can-bo", CreatedAt = Now.AddDays(-2),
        ApprovedBy = state == BroadcastState.Scheduled ? null : "truong-thon", Targeted = 7, CompletedAt = state == BroadcastState.Completed ? Now : null,
    };

    private static async Task AssertSameAsync<T>(DbSet<T> set, RowQuery<T> plain, SentCommands? sent = null, bool byEfCommand = true)
        where T : class
    {
        var byEf = await set.AsNoTracking().OrderBy(r => EF.Property<long>(r, "Id")).ToListAsync();
        sent?.Take();
        var byPlain = await plain.OrderBy("Id").ListAsync(default);
        if (sent is not null)
        {
            Assert.Equal(byEfCommand ? 1 : 0, sent.Take().Count);
        }

        Assert.NotEmpty(byEf);
        var columns = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsValueType || p.PropertyType == typeof(string)).ToList();
        Assert.Equal(Describe(byEf, columns), Describe(byPlain, columns));
    }

    // Every scalar column as text, a time with its offset, so a converted value that differs in any way shows.
    private static List<string> Describe<T>(List<T> rows, List<PropertyInfo> columns) =>
        [.. rows.Select(r => string.Join(" | ", columns.Select(c => $"{c.Name}={(c.GetValue(r) is DateTimeOffset t ? t.ToString("O") : c.GetValue(r))}")))];
}
