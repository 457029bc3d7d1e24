using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Residents;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.Broadcasts;

/// <summary>Who the registered residents' audience offers to an announcement, over a real SQLite file.</summary>
public sealed class ResidentAudienceTests : IDisposable
{
    private readonly StoreHarness store = new();

    public void Dispose() => store.Dispose();

    private long Resident(string chat, Action<ResidentProfileRecord> profile, string channel = "telegram", bool unreachable = false)
    {
        using var db = store.Factory.CreateDbContext();
        var conversation = new ConversationRecord { Channel = channel, ChatId = chat, UserId = chat, Unreachable = unreachable };
        var record = new ResidentProfileRecord
        {
            Conversation = conversation, Channel = channel, ConsentAnnouncements = true, CommuneCode = "hai-chau", DeclaredCategory = DeclaredCategories.NearPoor,
        };
        profile(record);
        db.ResidentProfiles.Add(record);
        db.SaveChanges();
        return conversation.Id;
    }

    private async Task<IReadOnlyList<AudienceMember>> CandidatesAsync() => await Audience.CandidatesAsync(CancellationToken.None);

    private ResidentAudience Audience => new(store.Factory, EngineHarness.Repo.Understanding.Registry);

    [Fact]
    public async Task Only_residents_who_consented_and_did_not_stop_and_can_be_reached_are_offered()
    {
        var consented = Resident("ok", _ => { });
        Resident("statistics-only", p => (p.ConsentAnnouncements, p.ConsentStatistics) = (false, true));
        Resident("stopped", p => (p.ConsentAnnouncements, p.AnnouncementsStoppedAt) = (false, store.Time.GetUtcNow()));
        Resident("blocked", _ => { }, unreachable: true);
        Resident("erased-0123", _ => { }); // a chat id the eraser left: no address to send to

        var candidates = await CandidatesAsync();

        var member = Assert.Single(candidates);
        Assert.Equal(consented, member.ConversationId);
        Assert.Equal(("telegram", "ok", "hai-chau", "can-ngheo"), (member.Who.Channel, member.Who.ChatId, member.Commune, member.Category));
        Assert.Equal(AudienceMember.PersonKeyOf(consented), member.PersonKey);
    }

    [Fact]
    public async Task Topics_and_household_come_from_the_profile_and_all_topics_means_every_announcement_topic()
    {
        using (var db = store.Factory.CreateDbContext())
        {
            db.Households.Add(new Storage.Register.HouseholdRecord { Code = "H1" });
            db.SaveChanges();
        }

        Resident("a", p => (p.Topics, p.HouseholdId) = ("credit jobs", 1));
        Resident("b", p => (p.Topics, p.HouseholdId) = ("all", 1), channel: "zalo");
        Resident("c", p => p.Topics = null);

        var candidates = await CandidatesAsync();

        Assert.Equal(["credit", "jobs"], candidates[0].Topics);
        Assert.Equal(Audience.AnnouncementTopics, candidates[1].Topics);
        Assert.Empty(candidates[2].Topics);
        Assert.Equal(["hh:1", "hh:1", null], candidates.Select(c => c.HouseholdKey));
        // "One per household": the two residents of H1 get it once between them; the unlinked one gets it too.
        var picked = AudienceSelection.Pick(candidates, new Segment([], [], ["credit"], [], OnePerHousehold: true));
        Assert.Single(picked);
        Assert.Equal(2, AudienceSelection.Pick(candidates, new Segment([], [], [], [], OnePerHousehold: true)).Count);
    }

    [Fact]
    public async Task One_person_who_verified_the_same_phone_on_Telegram_and_Zalo_gets_an_announcement_once()
    {
        using (var db = store.Factory.CreateDbContext())
        {
            db.Households.Add(new Storage.Register.HouseholdRecord { Code = "H1" });
            db.SaveChanges();
        }

        // Both linked by the register's phone: only its owner can verify it, on each platform.
        Resident("tg", p => (p.HouseholdId, p.LinkedBy) = (1, "phone"));
        var zalo = Resident("zl", p => (p.HouseholdId, p.LinkedBy) = (1, "phone"), channel: "zalo");
        // Another member of the household, linked by code and name: a different person.
        var member = Resident("tg-2", p => (p.HouseholdId, p.LinkedBy) = (1, "resident"));

        var picked = AudienceSelection.Pick(await CandidatesAsync(), Segment.Everyone);

        Assert.Equal([zalo, member], picked.Select(m => m.ConversationId).Order()); // the phone owner once, on Zalo
    }
}
