using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Operations;
using HaiHau.InfoBot.Storage.Reach;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Operations;

/// <summary>The nightly retention purge (issue 19) on a running host, a watched fake clock and real SQLite.</summary>
public sealed class RetentionTests : HostTestBase
{
    private const string OfferState = """{"Stack":[],"Vars":{},"History":[],"Turns":3,"Offer":"screener:4:3000000:h:"}""";

    [Fact]
    public async Task Old_texts_go_recent_ones_stay_statistics_do_not_change_and_each_run_is_recorded()
    {
        var clock = new WatchedClock(InfoBotApp.NewClock().GetUtcNow()); // 15/9/2022 08:00 Vietnam time
        var firstWait = clock.WaitStartedAsync(TimeSpan.FromHours(19)); // until 03:00 the next night
        var secondWait = clock.WaitStartedAsync(TimeSpan.FromDays(1));
        using var app = NewApp(clock);
        await OperationsData.SeedAsync(app, conversations: 2);
        var factory = app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>();
        var now = clock.GetUtcNow();
        long oldId, recentId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var chats = await db.Conversations.Where(c => db.Inbox.Any(i => i.ChatId == c.ChatId && i.Text != null)).OrderBy(c => c.Id).ToListAsync();
            Assert.Equal(2, chats.Count);
            (oldId, recentId) = (chats[0].Id, chats[1].Id);
            // The first resident last wrote 181 days before the purge; the second 179 days before it.
            // Each left an offer in its state, with the household's numbers in it (the case answer's «… không?»).
            await db.Conversations.Where(c => c.Id == oldId).ExecuteUpdateAsync(u => u.SetProperty(c => c.UpdatedAt, now.AddDays(-180)).SetProperty(c => c.StateJson, OfferState));
            await db.Conversations.Where(c => c.Id == recentId).ExecuteUpdateAsync(u => u.SetProperty(c => c.UpdatedAt, now.AddDays(-178)).SetProperty(c => c.StateJson, OfferState));
            var unanswered = EventKinds.QuestionUnanswered.Name;
            db.TurnEvents.Add(new TurnEventRecord { ConversationId = recentId, Channel = chats[1].Channel, Kind = unanswered, Subject = "hỗ trợ sửa nhà cho hộ cận nghèo", At = now.AddDays(-90) });
            db.TurnEvents.Add(new TurnEventRecord { ConversationId = recentId, Channel = chats[1].Channel, Kind = unanswered, Subject = "vay vốn nuôi lợn", At = now.AddDays(-88) });
            await db.SaveChangesAsync();
        }

        var reachBefore = await ReachAsync(app);
        var (oldTexts, recentTexts) = (await TextsOfAsync(factory, oldId), await TextsOfAsync(factory, recentId));
        Assert.True(oldTexts > 0 && recentTexts > 0);
        await firstWait.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(oldTexts, await TextsOfAsync(factory, oldId)); // nothing happens before 03:00
        clock.Advance(TimeSpan.FromHours(19));
        await secondWait.WaitAsync(TimeSpan.FromSeconds(30)); // the run is over: the job waits for the next night

        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(0, await TextsOfAsync(factory, oldId));
            Assert.Equal(recentTexts, await TextsOfAsync(factory, recentId));
            Assert.Equal("{}", await db.Conversations.Where(c => c.Id == oldId).Select(c => c.StateJson).SingleAsync()); // no numbers left in the state
            Assert.Equal(OfferState, await db.Conversations.Where(c => c.Id == recentId).Select(c => c.StateJson).SingleAsync());
            Assert.DoesNotContain(await db.Outbox.Where(o => o.ConversationId == oldId).Select(o => o.Text).ToListAsync(), t => t != "");
            Assert.Contains(await db.Outbox.Where(o => o.ConversationId == recentId).Select(o => o.Text).ToListAsync(), t => t != "");
            var subjects = await db.TurnEvents.Where(e => e.Kind == EventKinds.QuestionUnanswered.Name && e.ConversationId == recentId).OrderBy(e => e.Id).Select(e => e.Subject).ToListAsync();
            Assert.Equal([null, "vay vốn nuôi lợn"], subjects); // the turns stay, the old words do not
            Assert.True(await db.Inbox.CountAsync() >= 2 * (oldTexts + 1)); // rows and their times stay for statistics
        }

        Assert.Equal(reachBefore, await ReachAsync(app));
        var thirdWait = clock.WaitStartedAsync(TimeSpan.FromDays(1));
        clock.Advance(TimeSpan.FromDays(1));
        await thirdWait.WaitAsync(TimeSpan.FromSeconds(30));

        await using (var db = await factory.CreateDbContextAsync())
        {
            var runs = await RetentionPurge.LastRunsAsync(db, 7, CancellationToken.None);
            Assert.Equal(2, runs.Count);
            Assert.Equal(new RetentionOutcome(0, 0, 0), runs[0].Outcome); // the second night finds nothing left to purge
            Assert.Equal(1, runs[1].Outcome.Conversations);
            Assert.Equal(1, runs[1].Outcome.Unanswered);
            Assert.True(runs[1].Outcome.Messages >= oldTexts);
            Assert.Equal(now.AddHours(19), runs[1].At);
        }

        Assert.Equal(recentTexts, await TextsOfAsync(factory, recentId));
        Assert.Equal(0, await TextsOfAsync(factory, oldId));
        Assert.Equal(reachBefore, await ReachAsync(app));

        // An admin sees what was purged when.
        await ConsoleClient.CreateAccountAsync(app, "admin@haihau.test", ConsoleRoles.Admin);
        var page = await (await ConsoleClient.SignedInAsync(app, "admin@haihau.test")).PageAsync("/admin/audit");
        var section = page[page.IndexOf("id=\"retention-runs\"", StringComparison.Ordinal)..];
        Assert.Contains("<td>03:00:00 16/9/2022</td><td>1</td>", section, StringComparison.Ordinal);
        Assert.Contains("<td>03:00:00 17/9/2022</td><td>0</td><td>0</td><td>0</td>", section, StringComparison.Ordinal);
    }

    private static async Task<int> TextsOfAsync(IDbContextFactory<InfoBotDbContext> factory, long conversationId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var c = await db.Conversations.SingleAsync(x => x.Id == conversationId);
        return await db.Inbox.CountAsync(i => i.Channel == c.Channel && i.ChatId == c.ChatId && i.Text != null);
    }

    /// <summary>The past month's reach figures, as the report shows them.</summary>
    private static async Task<string> ReachAsync(InfoBotApp app)
    {
        var result = await app.Services.GetRequiredService<ReachReport>().RunAsync(
            new ReachQuery(new DateOnly(2022, 8, 16), new DateOnly(2022, 9, 15), 2022, null), ["hai-an"], CancellationToken.None);
        return string.Join("|", result.Communes.Select(c => c.ToString()).Append(result.District.ToString())
            .Concat(result.ByChannel.Select(b => b.ToString())).Concat(result.ByTopic.Select(b => b.ToString())).Concat(result.ByMonth.Select(b => b.ToString())));
    }
}
