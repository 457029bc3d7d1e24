using HaiHau.InfoBot.Host.Reach;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Reach;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Register;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Reach;

/// <summary>
/// The indicator as a table of households and residents (real SQLite file): the 2022 list has Hải An H1, H2 (poor),
/// H3 (near-poor) and Hải Hưng H4 (poor); H9 is only on the 2021 list.
/// </summary>
public sealed class ReachIndicatorTests : IDisposable
{
    private static readonly string[] Order = EngineHarness.Repo.Content.Communes.Select(c => c.Code).ToArray();
    private readonly StoreHarness store = new();
    private readonly Dictionary<string, long> households = [];

    public ReachIndicatorTests()
    {
        using var db = store.Factory.CreateDbContext();
        foreach (var (code, commune, category, year) in new[]
        {
            ("H1", "hai-an", RegisterCategory.Poor, 2022), ("H2", "hai-an", RegisterCategory.Poor, 2022),
            ("H3", "hai-an", RegisterCategory.NearPoor, 2022), ("H4", "hai-hung", RegisterCategory.Poor, 2022), ("H9", "hai-an", RegisterCategory.NearPoor, 2021),
        })
        {
            var household = new HouseholdRecord { Code = code };
            db.RegisterEntries.Add(new RegisterEntryRecord { Household = household, Year = year, CommuneCode = commune, Category = category, HeadName = "A", HeadNameKey = "a" });
            db.SaveChanges();
            households[code] = household.Id;
        }

        // H1: two residents of the household, on the web chat and on Telegram, several reads each.
        Read(Resident("web", "r1"), "2022-02-01", "H1", "ngheo", "hai-an", "health_insurance");
        Read(Resident("web", "r1"), "2022-02-01", "H1", "ngheo", "hai-an", "credit");
        Read(Resident("telegram", "r2"), "2022-05-10", "H1", "ngheo", "hai-an", "health_insurance");
        // H2: a resident who read before linking (3 March), linked, and read again on 1 June.
        Read(Resident("zalo", "r3"), "2022-03-01", null, "ngheo", "hai-an", "jobs");
        Read(Resident("zalo", "r3"), "2022-06-01", "H2", "ngheo", "hai-an", "jobs");
        // H3: its only resident erased their data afterwards.
        EraseAfterReading(Resident("web", "r5"), "2022-04-04", "H3");
        // H9 is not on the 2022 list: its resident counts only among the self-declared.
        Read(Resident("web", "r6"), "2022-04-05", "H9", "can-ngheo", "hai-an", "housing");
        // H4 in Hải Hưng, and an unlinked self-declared near-poor resident there.
        Read(Resident("telegram", "r7"), "2022-09-01", "H4", "ngheo", "hai-hung", "credit");
        Read(Resident("web", "r8"), "2022-09-02", null, "can-ngheo", "hai-hung", "credit");
        // Someone without statistics consent: an anonymous row that counts nowhere in the indicator.
        Read(Resident("web", "r9"), "2022-09-03", null, null, null, "credit");
    }

    [Fact]
    public async Task A_household_reached_by_two_residents_on_two_channels_counts_once()
    {
        var result = await RunAsync("2022-01-01", "2022-12-31");

        var haiAn = result.Communes.Single(c => c.Commune == "hai-an");
        Assert.Equal((2, 1, 2, 0), (haiAn.Poor, haiAn.NearPoor, haiAn.ReachedPoor, haiAn.ReachedNearPoor)); // H1 once, H2; H3 erased
        Assert.Equal(66.7m, haiAn.Percent);
        Assert.Equal([new ReachBreakdown("telegram", 2), new ReachBreakdown("web", 1), new ReachBreakdown("zalo", 1)], result.ByChannel);
        Assert.Equal((4, 3, 75m), (result.District.Households, result.District.Reached, result.District.Percent));
    }

    [Fact]
    public async Task A_resident_linked_mid_period_counts_only_from_the_link_and_before_it_as_self_declared()
    {
        var spring = await RunAsync("2022-01-01", "2022-04-30");
        var year = await RunAsync("2022-01-01", "2022-12-31");

        Assert.Equal(1, spring.Communes.Single(c => c.Commune == "hai-an").Reached); // only H1: H2's reading came before the link
        Assert.Equal(new SelfDeclaredLine("hai-an", 1, 1), spring.SelfDeclared.Single(s => s.Commune == "hai-an")); // r3 before linking; H9
        Assert.Equal(2, year.Communes.Single(c => c.Commune == "hai-an").Reached);
    }

    [Fact]
    public async Task An_erased_resident_no_longer_makes_their_household_reached_but_their_rows_stay_anonymous()
    {
        var result = await RunAsync("2022-04-01", "2022-04-30");

        Assert.Equal(0, result.Communes.Single(c => c.Commune == "hai-an").ReachedNearPoor);
        await using var db = await store.Factory.CreateDbContextAsync();
        Assert.True(await db.ReachLog.AnyAsync(r => r.Day == 20220404 && r.HouseholdId == null && r.DeclaredCategory == null));
    }

    [Fact]
    public async Task A_household_not_on_the_periods_list_is_reported_apart_and_never_in_the_indicator()
    {
        var result = await RunAsync("2022-01-01", "2022-12-31");
        var list2021 = await RunAsync("2022-01-01", "2022-12-31", year: 2021);

        Assert.Equal(new SelfDeclaredLine("hai-an", 0, 1), result.SelfDeclared.Single(s => s.Commune == "hai-an")); // H9 (r3 is linked to H2 now)
        Assert.Equal(new SelfDeclaredLine("hai-hung", 0, 1), result.SelfDeclared.Single(s => s.Commune == "hai-hung"));
        Assert.Equal(3, result.District.Reached); // H9 is not among them
        Assert.Equal((1, 1), (list2021.District.Households, list2021.District.Reached)); // on its own year's list it counts
    }

    [Fact]
    public async Task One_report_kept_running_sees_new_reading_and_an_erase_made_after_its_last_run()
    {
        var report = new ReachReport(store.Factory); // as the host keeps it: one instance, its rows refreshed each run
        var before = await RunAsync(report, "2022-01-01", "2022-12-31");

        Read(Resident("web", "r10"), "2022-10-01", "H3", "can-ngheo", "hai-an", "credit");
        Erase(Resident("zalo", "r3")); // H2's only resident
        var after = await RunAsync(report, "2022-01-01", "2022-12-31");

        Assert.Equal((2, 0), (before.Communes.Single(c => c.Commune == "hai-an").ReachedPoor, before.Communes.Single(c => c.Commune == "hai-an").ReachedNearPoor));
        Assert.Equal((1, 1), (after.Communes.Single(c => c.Commune == "hai-an").ReachedPoor, after.Communes.Single(c => c.Commune == "hai-an").ReachedNearPoor)); // H1 still; H2 gone; H3 new
        Assert.Equal(new SelfDeclaredLine("hai-an", 0, 1), after.SelfDeclared.Single(s => s.Commune == "hai-an")); // r3's early reading is anonymous now too
    }

    [Fact]
    public async Task A_commune_officers_view_has_only_their_commune()
    {
        var result = await RunAsync("2022-01-01", "2022-12-31", commune: "hai-hung");

        Assert.Equal(["hai-hung"], result.Communes.Select(c => c.Commune));
        Assert.Equal((1, 1, 100m), (result.District.Households, result.District.Reached, result.District.Percent));
        Assert.Equal([new SelfDeclaredLine("hai-hung", 0, 1)], result.SelfDeclared);
        Assert.Equal([new ReachBreakdown("telegram", 1)], result.ByChannel);
    }

    [Fact]
    public async Task The_exports_carry_the_definition_and_the_status_against_the_plans_target()
    {
        var result = await RunAsync("2022-01-01", "2022-12-31");
        var presenter = new ReachPresenter(EngineHarness.Repo.Content, EngineHarness.Repo.Questions);

        var csv = presenter.Csv(result);

        Assert.StartsWith("\"Định nghĩa: trong kỳ từ 1/1/2022 đến 31/12/2022", csv, StringComparison.Ordinal);
        Assert.Contains("so với chỉ tiêu 70%", csv, StringComparison.Ordinal);
        Assert.Contains("Xã Hải An,2,1,3,2,0,2,66.7,Chưa đạt", csv, StringComparison.Ordinal);
        Assert.Contains("Xã Hải Hưng,1,0,1,1,0,1,100.0,Đạt", csv, StringComparison.Ordinal);
        Assert.Contains("Tổng cộng các xã,3,1,4,3,0,3,75.0,Đạt", csv, StringComparison.Ordinal);
        Assert.Equal("75%", presenter.Percent(result.District));
        Assert.NotEmpty(presenter.Xlsx(result));
    }

    [Fact]
    public async Task A_report_warmed_up_at_start_counts_what_arrived_after_it_as_a_fresh_report_does()
    {
        var report = new ReachReport(store.Factory);
        Assert.True(await report.WarmUpAsync(CancellationToken.None) > 0);
        // After the warm-up: a second resident of H4 reads on Zalo, and H1's Telegram resident erases their data.
        Read(Resident("zalo", "r10"), "2022-10-01", "H4", "ngheo", "hai-hung", "jobs");
        Erase(Resident("telegram", "r2"));

        var warmed = await RunAsync(report, "2022-01-01", "2022-12-31");
        var fresh = await RunAsync("2022-01-01", "2022-12-31");

        Assert.Equal([new ReachBreakdown("zalo", 2), new ReachBreakdown("telegram", 1), new ReachBreakdown("web", 1)], warmed.ByChannel);
        Assert.Equal(fresh.Communes, warmed.Communes);
        Assert.Equal(fresh.ByChannel, warmed.ByChannel);
        Assert.Equal(fresh.SelfDeclared, warmed.SelfDeclared);
    }

    [Fact]
    public async Task A_report_after_a_restart_starts_from_the_rows_kept_on_disk_and_counts_what_came_after_them()
    {
        await new ReachReport(store.Factory).WarmUpAsync(CancellationToken.None); // the last run: keeps its rows beside the database
        Assert.True(File.Exists(KeptRows(store)));
        Read(Resident("zalo", "r10"), "2022-10-01", "H4", "ngheo", "hai-hung", "jobs"); // a second resident of H4, on Zalo

        var restarted = await RunAsync(new ReachReport(store.Factory), "2022-01-01", "2022-12-31"); // reads the file, then the two rows
        File.Delete(KeptRows(store));
        var whole = await RunAsync(new ReachReport(store.Factory), "2022-01-01", "2022-12-31"); // reads the whole log

        Assert.Equal(whole.Communes, restarted.Communes);
        Assert.Equal(whole.ByChannel, restarted.ByChannel);
        Assert.Equal(whole.ByTopic, restarted.ByTopic);
        Assert.Equal(whole.SelfDeclared, restarted.SelfDeclared);
        Assert.Equal([new ReachBreakdown("telegram", 2), new ReachBreakdown("zalo", 2), new ReachBreakdown("web", 1)], restarted.ByChannel); // H4's reading after the file was written counts
    }

    [Fact]
    public async Task Rows_kept_on_disk_for_another_database_are_not_counted()
    {
        await new ReachReport(store.Factory).WarmUpAsync(CancellationToken.None);
        using var other = new StoreHarness(); // a new database (as after restoring another file in its place): no reading at all
        await using (var db = await other.Factory.CreateDbContextAsync())
        {
            db.Conversations.Add(new ConversationRecord { Channel = "web", ChatId = "x", UserId = "x" });
            await db.SaveChangesAsync();
            db.ReachLog.Add(new ReachRecord
            {
                At = new DateTimeOffset(2023, 1, 5, 9, 0, 0, ReachDay.Vietnam), Day = 20230105, Channel = "web", ConversationId = 1,
                Kind = ReachKinds.Article, Topic = "credit", DeclaredCategory = "ngheo",
            });
            await db.SaveChangesAsync();
        }

        File.Copy(KeptRows(store), KeptRows(other));
        var result = await RunAsync(new ReachReport(other.Factory), "2022-01-01", "2022-12-31");

        Assert.Empty(result.ByChannel);
        Assert.Empty(result.SelfDeclared); // the copied file's self-declared poor residents of 2022 are not this database's
    }

    [Fact]
    public async Task A_damaged_file_of_kept_rows_is_not_believed_and_the_log_is_read_whole()
    {
        await new ReachReport(store.Factory).WarmUpAsync(CancellationToken.None);
        var whole = await RunAsync(new ReachReport(store.Factory), "2022-01-01", "2022-12-31");
        using (var file = new FileStream(KeptRows(store), FileMode.Open))
        {
            file.SetLength(file.Length - 40); // the last row cut short, as by a full disk
        }

        var afterDamage = await RunAsync(new ReachReport(store.Factory), "2022-01-01", "2022-12-31");

        Assert.Equal(whole.Communes, afterDamage.Communes);
        Assert.Equal(whole.ByChannel, afterDamage.ByChannel);
        Assert.Equal(whole.SelfDeclared, afterDamage.SelfDeclared);
    }

    [Fact]
    public async Task Erasing_a_resident_removes_the_rows_kept_on_disk_that_linked_them_to_a_household()
    {
        await new ReachReport(store.Factory).WarmUpAsync(CancellationToken.None);
        Assert.True(File.Exists(KeptRows(store)));

        Erase(Resident("telegram", "r2"));
        await using (var db = await store.Factory.CreateDbContextAsync())
        {
            await ConversationEraser.ScrubFilesAsync(db, CancellationToken.None); // as the turn that erased does after its commit
        }

        Assert.False(File.Exists(KeptRows(store)));
        var report = new ReachReport(store.Factory);
        await report.KeepAsync(CancellationToken.None); // the next stop writes it again, without the link
        var kept = await RunAsync(new ReachReport(store.Factory), "2022-01-01", "2022-12-31");
        Assert.Equal((await RunAsync(report, "2022-01-01", "2022-12-31")).Communes, kept.Communes);
    }

    private static string KeptRows(StoreHarness harness)
    {
        using var db = harness.Factory.CreateDbContext();
        return ReachRowsFile.PathFor(db.Database.GetDbConnection())!;
    }

    private Task<ReachResult> RunAsync(string from, string to, int year = 2022, string? commune = null) =>
        RunAsync(new ReachReport(store.Factory), from, to, year, commune);

    private static Task<ReachResult> RunAsync(ReachReport report, string from, string to, int year = 2022, string? commune = null) =>
        report.RunAsync(new ReachQuery(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), year, commune), Order, CancellationToken.None);

    private long Resident(string channel, string chat)
    {
        using var db = store.Factory.CreateDbContext();
        if (db.Conversations.FirstOrDefault(c => c.Channel == channel && c.ChatId == chat) is { } existing)
        {
            return existing.Id;
        }

        var conversation = new ConversationRecord { Channel = channel, ChatId = chat, UserId = chat };
        db.Conversations.Add(conversation);
        db.SaveChanges();
        return conversation.Id;
    }

    private void Read(long conversation, string day, string? household, string? category, string? commune, string topic)
    {
        using var db = store.Factory.CreateDbContext();
        var channel = db.Conversations.Single(c => c.Id == conversation).Channel;
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        db.ReachLog.Add(new ReachRecord
        {
            At = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), ReachDay.Vietnam), Day = ReachDay.Of(date), Channel = channel, ConversationId = conversation,
            Kind = ReachKinds.Article, Topic = topic, CommuneCode = commune, HouseholdId = household is null ? null : households[household], DeclaredCategory = category,
        });
        db.SaveChanges();
    }

    // The real eraser, on a conversation whose rows were linked to the household.
    private void EraseAfterReading(long conversationId, string day, string household)
    {
        Read(conversationId, day, household, "can-ngheo", "hai-an", "health_insurance");
        Erase(conversationId);
    }

    private void Erase(long conversationId)
    {
        using var db = store.Factory.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        var conversation = db.Conversations.Single(c => c.Id == conversationId);
        var inbox = new InboxRecord { Channel = conversation.Channel, ChatId = conversation.ChatId, UserId = conversation.UserId, ExternalId = "x" + conversationId, Text = "xóa" };
        db.Inbox.Add(inbox);
        db.SaveChanges();
        ConversationEraser.EraseAsync(db, conversation, inbox, CancellationToken.None).GetAwaiter().GetResult();
        db.SaveChanges();
        transaction.Commit();
    }

    public void Dispose() => store.Dispose();
}
