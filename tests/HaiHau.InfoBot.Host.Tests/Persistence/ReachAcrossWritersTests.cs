using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Reach;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Register;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Postgres;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Persistence;

/// <summary>
/// On PostgreSQL several writers (hosts, concurrent turns) take reach-log ids and commit in any order. The reach report
/// an officer keeps open must still count a reading committed after its last run under a lower id than one it saw.
/// </summary>
public sealed class ReachAcrossWritersTests
{
    private static readonly string[] Order = EngineHarness.Repo.Content.Communes.Select(c => c.Code).ToArray();

    [Theory, OnPostgres]
    public async Task A_reading_committed_late_under_a_lower_id_is_counted_by_the_next_report(DatabaseProvider provider)
    {
        using var store = new StoreHarness(provider: provider);
        var (h1, r1) = await HouseholdWithResidentAsync(store, "H1", "r1");
        var (h2, r2) = await HouseholdWithResidentAsync(store, "H2", "r2");
        var report = new ReachReport(store.Factory); // as the host keeps it: one instance for every run

        // Host A's turn takes the lower id but commits last; host B's turn commits in between. Inside the execution
        // strategy, as the bot's own transactions are (ResilientTransaction): PostgreSQL's retries refuse one outside it.
        await using var slow = await store.Factory.CreateDbContextAsync();
        var (before, after) = await slow.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var slowTransaction = await slow.Database.BeginTransactionAsync();
            slow.ReachLog.Add(Reading(r1, h1));
            await slow.SaveChangesAsync();
            await using (var quick = await store.Factory.CreateDbContextAsync())
            {
                quick.ReachLog.Add(Reading(r2, h2));
                await quick.SaveChangesAsync();
            }

            var uncommitted = await RunAsync(report);
            await slowTransaction.CommitAsync();
            return (uncommitted, await RunAsync(report));
        });

        Assert.Equal(1, before.District.Reached); // H2 only: H1's reading was not committed yet
        Assert.Equal(2, after.District.Reached);
    }

    private static Task<ReachResult> RunAsync(ReachReport report) =>
        report.RunAsync(new ReachQuery(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31), 2022, null), Order, CancellationToken.None);

    private static ReachRecord Reading(long conversation, long household)
    {
        var date = new DateOnly(2022, 2, 1);
        return new ReachRecord
        {
            At = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), ReachDay.Vietnam), Day = ReachDay.Of(date), Channel = "web", ConversationId = conversation,
            Kind = ReachKinds.Article, Topic = "credit", CommuneCode = "hai-an", HouseholdId = household, DeclaredCategory = "ngheo",
        };
    }

    private static async Task<(long Household, long Conversation)> HouseholdWithResidentAsync(StoreHarness store, string code, string chat)
    {
        await using var db = await store.Factory.CreateDbContextAsync();
        var household = new HouseholdRecord { Code = code };
        db.RegisterEntries.Add(new RegisterEntryRecord { Household = household, Year = 2022, CommuneCode = "hai-an", Category = RegisterCategory.Poor, HeadName = "A", HeadNameKey = "a" });
        var conversation = new ConversationRecord { Channel = "web", ChatId = chat, UserId = chat };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        return (household.Id, conversation.Id);
    }
}
