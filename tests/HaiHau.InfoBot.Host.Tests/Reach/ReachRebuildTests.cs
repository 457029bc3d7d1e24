using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.Cli;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Reach;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Register;
using HaiHau.InfoBot.Storage.Residents;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Reach;

/// <summary>
/// «report reach --rebuild»: past months, counted while the log listened for kinds the engine never emitted, become
/// right from the stored events; a second run changes nothing; the console says when it last ran.
/// </summary>
public sealed class ReachRebuildTests : HostTestBase
{
    private static readonly AuditEntry By = new("t", "t", AuditActions.ReachRebuilt);

    [Fact]
    public async Task A_household_reached_only_by_an_faq_answer_or_the_screener_counts_after_the_rebuild_and_a_second_run_adds_nothing()
    {
        using var store = new StoreHarness();
        using var writes = new SqliteWriteGate();
        var data = EngineHarness.Repo;
        var commune = data.Content.Communes[0].Code;
        var faq = Path.GetFileNameWithoutExtension(Directory.EnumerateFiles(Path.Combine(RepoPaths.Content, "faq"), "*.md").Order(StringComparer.Ordinal).First());
        var at = store.Time.GetUtcNow();
        await using (var db = await store.Factory.CreateDbContextAsync())
        {
            // Three households of the list: one read an article (counted then), one got an FAQ answer, one ran the screener.
            var (read, answered, screened) = (Resident(db, commune, "H1"), Resident(db, commune, "H2"), Resident(db, commune, "H3"));
            await db.SaveChangesAsync();
            Event(db, read, EventKinds.ArticleViewed, "bhyt-ho-ngheo", at, 1);
            db.ReachLog.Add(new ReachRecord
            {
                At = at, Day = ReachDay.Of(at), Channel = "telegram", ConversationId = read.Id, Kind = ReachKinds.Article, Subject = "bhyt-ho-ngheo",
                Topic = "health_insurance", CommuneCode = commune, HouseholdId = db.ResidentProfiles.Local.Single(p => p.Conversation == read).HouseholdId, DeclaredCategory = "ngheo",
            });
            Event(db, answered, EventKinds.QuestionUnderstood, "health_insurance", at, 2);
            Event(db, answered, EventKinds.QuestionAnswered, "faq:" + faq, at, 2);
            Event(db, screened, EventKinds.ScreeningCompleted, null, at, 3);
            await db.SaveChangesAsync();
        }

        var before = await ReachedAsync(store, commune);
        var rebuild = new ReachRebuild(store.Factory, writes, new ReachCounting(data.Content, data.Dialogs, data.Questions), store.Time);
        var first = await rebuild.RunAsync(By, CancellationToken.None);
        var second = await rebuild.RunAsync(By, CancellationToken.None);

        Assert.Equal(1, before);
        Assert.Equal(new ReachRebuildResult(2, 1), first);
        Assert.Equal(new ReachRebuildResult(0, 3), second);
        Assert.Equal(3, await ReachedAsync(store, commune));
        await using var check = await store.Factory.CreateDbContextAsync();
        var answer = await check.ReachLog.SingleAsync(r => r.Kind == ReachKinds.Answer);
        Assert.Equal(("faq:" + faq, data.Questions.FindFaq(faq)!.Topic, ReachDay.Of(at)), (answer.Subject, answer.Topic, answer.Day));
        Assert.Equal("eligibility", (await check.ReachLog.SingleAsync(r => r.Kind == ReachKinds.ScreenerResult)).Topic);
        Assert.Equal(2, await check.AuditLog.CountAsync(a => a.Action == AuditActions.ReachRebuilt));
    }

    [Fact]
    public async Task The_verb_rebuilds_and_the_reach_page_says_when_it_last_ran()
    {
        await using (var app = NewApp())
        {
            await ConsoleClient.CreateAccountAsync(app, "tt@haihau.test", ConsoleRoles.CommunicationStaff);
            var never = await (await ConsoleClient.SignedInAsync(app, "tt@haihau.test")).PageAsync("/admin/reach");
            Assert.Contains("chưa lần nào được tính lại", never, StringComparison.Ordinal);
        }

        var run = await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["report", "reach", "--rebuild"]);

        Assert.True(run.Code == 0, run.Error);
        Assert.Contains("thêm 0 dòng", run.Error, StringComparison.Ordinal);
        await using var again = NewApp();
        var page = await (await ConsoleClient.SignedInAsync(again, "tt@haihau.test")).PageAsync("/admin/reach");
        Assert.Contains("được tính lại từ dữ liệu đã lưu lần cuối lúc", page, StringComparison.Ordinal);
    }

    private static ConversationRecord Resident(InfoBotDbContext db, string commune, string code)
    {
        var household = new HouseholdRecord { Code = code };
        db.RegisterEntries.Add(new RegisterEntryRecord { Household = household, Year = 2022, CommuneCode = commune, Category = RegisterCategory.Poor, HeadName = code, HeadNameKey = code.ToLowerInvariant() });
        var conversation = new ConversationRecord { Channel = "telegram", ChatId = code, UserId = code };
        db.ResidentProfiles.Add(new ResidentProfileRecord
        {
            Conversation = conversation, Channel = "telegram", ConsentStatistics = true, CommuneCode = commune, DeclaredCategory = "ngheo", Household = household,
        });
        return conversation;
    }

    private static void Event(InfoBotDbContext db, ConversationRecord conversation, EventKind kind, string? subject, DateTimeOffset at, int turn)
    {
        var inbox = db.Inbox.Local.FirstOrDefault(i => i.ExternalId == $"m{turn}")
            ?? db.Inbox.Add(new InboxRecord { Channel = "telegram", ChatId = conversation.ChatId, UserId = conversation.ChatId, ExternalId = $"m{turn}", ReceivedAt = at }).Entity;
        db.TurnEvents.Add(new TurnEventRecord { Conversation = conversation, Channel = "telegram", Kind = kind.Name, Subject = subject, At = at, Inbox = inbox });
    }

    private static async Task<int> ReachedAsync(StoreHarness store, string commune)
    {
        var month = DateOnly.FromDateTime(store.Time.GetUtcNow().ToOffset(ReachDay.Vietnam).DateTime);
        var result = await new ReachReport(store.Factory).RunAsync(new ReachQuery(month.AddDays(-1), month.AddDays(1), 2022, null), [commune], CancellationToken.None);
        return result.District.Reached;
    }
}
