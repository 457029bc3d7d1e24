using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Reach;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Register;
using HaiHau.InfoBot.Storage.Residents;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Broadcasts;

/// <summary>A delivered announcement is reach: a row in the same transaction as the delivery, and the indicator counts it.</summary>
public sealed class AnnouncementReachTests : IDisposable
{
    private readonly StoreHarness store = new();
    private readonly SqliteWriteGate writes = new();

    public void Dispose()
    {
        writes.Dispose();
        store.Dispose();
    }

    [Fact]
    public async Task A_delivered_announcement_makes_the_linked_household_reached_and_a_failed_one_does_not()
    {
        long household;
        var members = new List<AudienceMember>();
        using (var db = store.Factory.CreateDbContext())
        {
            var h = new HouseholdRecord { Code = "H1" };
            db.RegisterEntries.Add(new RegisterEntryRecord { Household = h, Year = 2022, CommuneCode = "hai-chau", Category = RegisterCategory.NearPoor, HeadName = "A", HeadNameKey = "a" });
            db.RegisterEntries.Add(new RegisterEntryRecord { Household = new HouseholdRecord { Code = "H2" }, Year = 2022, CommuneCode = "hai-chau", Category = RegisterCategory.Poor, HeadName = "B", HeadNameKey = "b" });
            db.SaveChanges();
            household = h.Id;
            foreach (var (chat, statistics, linked) in new[] { ("linked", true, (long?)h.Id), ("no-statistics", false, null), ("other", true, h.Id + 1) })
            {
                var conversation = new ConversationRecord { Channel = "telegram", ChatId = chat, UserId = chat };
                db.ResidentProfiles.Add(new ResidentProfileRecord
                {
                    Conversation = conversation, Channel = "telegram", ConsentAnnouncements = true, ConsentStatistics = statistics, CommuneCode = "hai-chau",
                    DeclaredCategory = "can-ngheo", HouseholdId = linked,
                });
                db.SaveChanges();
                members.Add(new AudienceMember(conversation.Id, new ConversationRef("telegram", chat, chat), "hai-chau", "can-ngheo", [], AudienceMember.PersonKeyOf(conversation.Id), null));
            }
        }

        var broadcasts = new BroadcastStore(store.Factory, writes, store.Time);
        var dispatcher = new OutboxDispatcher(store.Factory, writes, store.Time);
        var id = await broadcasts.CreateAsync(new BroadcastDraft("Họp xét duyệt hộ cận nghèo", null, Segment.Everyone, store.Time.GetUtcNow(), "officer@test"), CancellationToken.None);
        await broadcasts.FanOutAsync(id, members, CancellationToken.None);
        var rows = await dispatcher.DueAsync("telegram", 10, includeBulk: true, CancellationToken.None);
        Assert.Equal(3, rows.Count);

        await dispatcher.RecordAsync(rows.Single(r => r.To.ChatId == "linked").Id, new SendResult.Sent("m1"), CancellationToken.None);
        await dispatcher.RecordAsync(rows.Single(r => r.To.ChatId == "no-statistics").Id, new SendResult.Sent("m2"), CancellationToken.None);
        await dispatcher.RecordAsync(rows.Single(r => r.To.ChatId == "other").Id, new SendResult.Failed("bad request"), CancellationToken.None);

        await using (var db = store.Factory.CreateDbContext())
        {
            var reach = await db.ReachLog.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
            Assert.Equal(2, reach.Count);
            Assert.All(reach, r => Assert.Equal((ReachKinds.Announcement, (long?)id), (r.Kind, r.BroadcastId)));
            Assert.Equal((household, "can-ngheo", "hai-chau"), (reach[0].HouseholdId!.Value, reach[0].DeclaredCategory, reach[0].CommuneCode));
            Assert.Equal(((long?)null, (string?)null, (string?)null), (reach[1].HouseholdId, reach[1].DeclaredCategory, reach[1].CommuneCode)); // no statistics consent: anonymous
        }

        var report = await new ReachReport(store.Factory).RunAsync(new ReachQuery(new DateOnly(2022, 9, 1), new DateOnly(2022, 9, 30), 2022, null), ["hai-chau"], CancellationToken.None);
        var line = report.Communes.Single(c => c.Commune == "hai-chau");
        Assert.Equal((1, 1, 0, 1), (line.Poor, line.NearPoor, line.ReachedPoor, line.ReachedNearPoor)); // H1 reached; H2's resident's delivery failed
    }

    [Fact]
    public async Task A_web_chat_resident_gets_it_when_opening_the_chat_and_does_not_hold_the_announcement_open()
    {
        var members = new List<AudienceMember>();
        using (var db = store.Factory.CreateDbContext())
        {
            foreach (var chat in new[] { "w1", "w2" })
            {
                var conversation = new ConversationRecord { Channel = "web", ChatId = chat, UserId = chat };
                db.Conversations.Add(conversation);
                db.SaveChanges();
                members.Add(new AudienceMember(conversation.Id, new ConversationRef("web", chat, chat), "hai-chau", null, [], AudienceMember.PersonKeyOf(conversation.Id), null));
            }
        }

        var broadcasts = new BroadcastStore(store.Factory, writes, store.Time);
        var id = await broadcasts.CreateAsync(new BroadcastDraft("Lịch tiêm chủng", null, Segment.Everyone, store.Time.GetUtcNow(), "officer@test"), CancellationToken.None);
        await broadcasts.FanOutAsync(id, members, CancellationToken.None);

        Assert.Equal([id], await broadcasts.CompleteFinishedAsync(CancellationToken.None)); // nothing left for a push channel
        var read = await new OutboxReader(store.Factory, writes, store.Time).TakeAfterAsync("web", "w1", 0, CancellationToken.None);

        Assert.Equal("Lịch tiêm chủng", Assert.Single(read).Text);
        var progress = await broadcasts.ProgressAsync(id, CancellationToken.None);
        Assert.Equal((BroadcastState.Completed, 1, 1), (progress!.State, progress.Sent, progress.Pending));
        await using var check = store.Factory.CreateDbContext();
        Assert.Equal(1, await check.ReachLog.CountAsync(r => r.BroadcastId == id && r.Channel == "web"));
    }
}
