using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Core.Tests.Broadcasts;

/// <summary>Issue 18's order of routes per resident, within each route's quota; with every route off, today's behaviour.</summary>
public sealed class RoutePlannerTests
{
    private static AudienceMember Member(long id, string channel, string person) =>
        new(id, new ConversationRef(channel, $"u{id}", $"u{id}"), "hai-chau", null, [], person, null);

    private static readonly AudienceMember Recent = Member(1, "zalo", "p1");
    private static readonly AudienceMember SilentA = Member(2, "zalo", "p2");
    private static readonly AudienceMember SilentB = Member(3, "zalo", "p3");
    private static readonly AudienceMember SilentWithPhone = Member(4, "zalo", "p4");
    private static readonly AudienceMember SilentOnTelegramToo = Member(5, "zalo", "p5");
    private static readonly AudienceMember TelegramOfP5 = Member(6, "telegram", "p5");
    private static readonly AudienceMember SilentNowhere = Member(7, "zalo", "p7");
    private static readonly AudienceMember OnTelegram = Member(8, "telegram", "p8");

    private static readonly IReadOnlyList<AudienceMember> Picked = [Recent, SilentA, SilentB, SilentWithPhone, SilentOnTelegramToo, SilentNowhere, OnTelegram];
    private static readonly IReadOnlyList<AudienceMember> Candidates = [.. Picked, TelegramOfP5];

    private static ZaloReach Reach(AudienceMember m) => new(InWindow: m == Recent, Follower: true, HasZnsPhone: m == SilentWithPhone || m == SilentA);

    [Fact]
    public void Each_resident_takes_the_first_route_that_can_reach_them_and_no_route_goes_past_its_quota()
    {
        var plan = RoutePlanner.Plan(Picked, Candidates, Reach, new RouteLimits(PromotionLeft: 1, ZnsLeft: 1, OtherChannel: true));

        var routes = plan.ToDictionary(r => r.Member.PersonKey, r => (r.Route, r.Member.Who.Channel));
        Assert.Equal((BroadcastRoute.Direct, "zalo"), routes["p1"]);
        Assert.Equal((BroadcastRoute.ZaloPromotion, "zalo"), routes["p2"]); // the only promotion left
        Assert.Equal(BroadcastRoute.NotReachable, routes["p3"].Route); // no promotion left, no phone, no other channel
        Assert.Equal((BroadcastRoute.ZaloZns, "zalo"), routes["p4"]);
        Assert.Equal((BroadcastRoute.OtherChannel, "telegram"), routes["p5"]); // the same person's Telegram
        Assert.Equal(BroadcastRoute.NotReachable, routes["p7"].Route);
        Assert.Equal((BroadcastRoute.Direct, "telegram"), routes["p8"]);
        Assert.Equal(Picked.Count, plan.Count); // everyone stated, no one left out
    }

    [Fact]
    public void With_no_route_on_everyone_goes_on_their_own_channel_as_before()
    {
        var plan = RoutePlanner.Plan(Picked, Candidates, Reach, RouteLimits.Off);

        Assert.All(plan, r => Assert.Equal(BroadcastRoute.Direct, r.Route));
        Assert.Equal(Picked, plan.Select(r => r.Member));
    }

    [Fact]
    public void The_counts_list_every_route_and_add_up_to_the_residents()
    {
        var counts = RoutePlanner.Count(RoutePlanner.Plan(Picked, Candidates, Reach, new RouteLimits(3, 5, false)));

        Assert.Equal(Enum.GetValues<BroadcastRoute>().Length, counts.Count);
        // Three promotions go to the first three silent residents; the other two have no phone and no other channel.
        Assert.Equal((2, 3, 0, 0, 2), (counts[BroadcastRoute.Direct], counts[BroadcastRoute.ZaloPromotion], counts[BroadcastRoute.ZaloZns], counts[BroadcastRoute.OtherChannel], counts[BroadcastRoute.NotReachable]));
    }

    [Theory]
    [InlineData("0912345678", "84912345678")]
    [InlineData("+84 912 345 678", "84912345678")]
    [InlineData("84912345678", "84912345678")]
    [InlineData("12345", null)]
    [InlineData("", null)]
    public void Phones_are_written_as_ZNS_wants_them(string phone, string? expected) => Assert.Equal(expected, ZnsAddress.Phone(phone));

    [Fact]
    public void A_ZNS_delivery_address_carries_the_announcement_and_the_conversation()
    {
        Assert.True(ZnsAddress.TryParse(ZnsAddress.Of(12, 345), out var broadcast, out var conversation));
        Assert.Equal((12L, 345L), (broadcast, conversation));
        Assert.False(ZnsAddress.TryParse("246845883529197922", out _, out _));
    }
}
