using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Core.Tests.Broadcasts;

/// <summary>Who receives an announcement: the segment's residents, each person once, each household once when asked.</summary>
public sealed class AudienceSelectionTests
{
    private static AudienceMember Member(long id, string channel, string commune, string? category, string person, string? household = null, params string[] topics) =>
        new(id, new ConversationRef(channel, $"u{id}", $"c{id}"), commune, category, topics, person, household);

    private static readonly AudienceMember[] Residents =
    [
        Member(1, "telegram", "hai-chau", "can-ngheo", "p1", "H1", "credit"),
        Member(2, "zalo", "hai-chau", "can-ngheo", "p1", "H1", "credit"), // the same person on Zalo
        Member(3, "zalo", "hai-chau", "can-ngheo", "p3", "H1"),           // another member of household H1
        Member(4, "telegram", "hai-ninh", "ngheo", "p4", "H4", "jobs"),
        Member(5, "web", "yen-dinh", "can-ngheo", "p5"),
        Member(6, "zalo", "hai-ninh", null, "p6"),                         // said nothing about the household
    ];

    private static long[] Ids(Segment segment) => AudienceSelection.Pick(Residents, segment).Select(m => m.ConversationId).ToArray();

    [Fact]
    public void Two_communes_near_poor_households_each_person_once_on_the_channel_most_read() =>
        Assert.Equal([2, 3], Ids(new Segment(["hai-chau", "hai-ninh"], ["can-ngheo"], [], [])));

    [Fact]
    public void One_per_household_when_the_officer_asks() =>
        Assert.Equal([2], Ids(new Segment(["hai-chau"], [], [], [], OnePerHousehold: true)));

    [Fact]
    public void A_category_filter_leaves_out_residents_who_did_not_say() =>
        Assert.DoesNotContain(6L, Ids(new Segment([], ["ngheo", "can-ngheo"], [], [])));

    [Fact]
    public void Topics_and_channels_narrow_the_audience()
    {
        Assert.Equal([4], Ids(new Segment([], [], ["jobs"], [])));
        Assert.Equal([1, 4], Ids(new Segment([], [], [], ["telegram"])));
    }

    [Fact]
    public void Everyone_means_every_person_once() =>
        Assert.Equal([2, 3, 4, 5, 6], Ids(Segment.Everyone));
}
