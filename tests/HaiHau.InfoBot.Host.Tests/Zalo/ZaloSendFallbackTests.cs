using System.Net;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Storage.Reach;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Zalo;

/// <summary>
/// Issue 18's send-time fallback: the plan thought the resident wrote within the week, Zalo says otherwise (-230) at
/// send time, and the same delivery moves on to the next route (a promotion message; when Zalo refuses that for the
/// quota, ZNS by the consented phone). One row, one delivery, reach counted once, from the compose page.
/// </summary>
public sealed class ZaloSendFallbackTests : HostTestBase
{
    private const string User = "1000000000000000007";

    /// <summary>The resident's own Zalo channel: the consultation message's route.</summary>
    private const string Direct = HaiHau.InfoBot.Channels.Zalo.ZaloWebhookReader.Channel;

    /// <summary>The routes in the order the fallback takes them.</summary>
    private static readonly string[] RouteOrder = [Direct, BroadcastRouteChannels.ZaloPromotion, BroadcastRouteChannels.ZaloZns];

    [Fact]
    public async Task A_consultation_message_refused_for_the_window_goes_as_a_promotion_message_counted_once()
    {
        await using var bed = await ZaloRoutesBed.StartAsync(Folder);
        await SeedRefusedByTheWindowAsync(bed, phone: null);

        var settled = await SendAsync(bed, sends: 2);

        Assert.Equal([(Direct, typeof(SendResult.Failed)), (BroadcastRouteChannels.ZaloPromotion, typeof(SendResult.Sent))], ByRoute(settled));
        Assert.DoesNotContain(bed.Zalo.Sent, s => s.UserId == User);
        Assert.Equal(User, Assert.Single(bed.Zalo.Promotions).UserId);
        await AssertOneDeliveryAsync(bed, BroadcastRoute.ZaloPromotion);
    }

    [Fact]
    public async Task When_the_promotion_quota_is_used_up_too_the_same_resident_gets_ZNS_once()
    {
        await using var bed = await ZaloRoutesBed.StartAsync(Folder);
        await SeedRefusedByTheWindowAsync(bed, phone: "0912345678");
        bed.Zalo.PromotionDailyQuota = 0;

        var settled = await SendAsync(bed, sends: 3);

        Assert.Equal(
            [(Direct, typeof(SendResult.Failed)), (BroadcastRouteChannels.ZaloPromotion, typeof(SendResult.Failed)), (BroadcastRouteChannels.ZaloZns, typeof(SendResult.Sent))],
            ByRoute(settled));
        Assert.Empty(bed.Zalo.Promotions);
        Assert.Equal("84912345678", Assert.Single(bed.Zalo.ZnsSent).Phone);
        await AssertOneDeliveryAsync(bed, BroadcastRoute.ZaloZns);
    }

    [Fact]
    public async Task With_no_route_left_the_window_failure_stays_a_failure_and_is_not_counted()
    {
        await using var bed = await ZaloRoutesBed.StartAsync(Folder);
        await SeedRefusedByTheWindowAsync(bed, phone: null);
        bed.Zalo.PromotionDailyQuota = 0;

        var settled = await SendAsync(bed, sends: 2);

        Assert.All(settled, s => Assert.IsType<SendResult.Failed>(s.Result));
        Assert.Empty(bed.Zalo.ZnsSent);
        await using var db = await bed.DbAsync();
        var row = await db.Outbox.SingleAsync(o => o.BroadcastId != null);
        Assert.Equal(Storage.Records.OutboxStatus.Failed, row.Status);
        Assert.Equal(0, await db.ReachLog.CountAsync());
    }

    /// <summary>
    /// Each send's route and outcome, in the fallback's route order. Not in the order the events arrived: every route has
    /// its own sender loop, which raises a send's event after committing its outcome, and by then the next route's loop
    /// may already have sent (a fresh clone saw ZNS's Sent before the promotion's Failed, 3 December).
    /// </summary>
    private static List<(string Route, Type Outcome)> ByRoute(IReadOnlyList<(Storage.OutboxDelivery Delivery, SendResult Result)> settled) =>
        [.. settled.Select(s => (s.Delivery.To.Channel, s.Result.GetType())).OrderBy(s => Array.IndexOf(RouteOrder, s.Item1))];

    /// <summary>Our inbox says the resident wrote two days ago (the plan sends directly); Zalo's last interaction is ten days old.</summary>
    private static async Task SeedRefusedByTheWindowAsync(ZaloBed bed, string? phone)
    {
        await ZaloRoutesBed.ResidentAsync(bed, User, daysAgo: 2, znsPhone: phone);
        bed.Zalo.Interacted(User, bed.Time.GetUtcNow().AddDays(-10));
    }

    private static async Task<IReadOnlyList<(Storage.OutboxDelivery Delivery, SendResult Result)>> SendAsync(ZaloBed bed, int sends)
    {
        await ConsoleClient.CreateAccountAsync(bed.App, "xa@haihau.test", ConsoleRoles.Officer);
        var officer = await ConsoleClient.SignedInAsync(bed.App, "xa@haihau.test");
        var form = new Dictionary<string, string> { ["Text"] = "Họp dân bình xét hộ nghèo", ["Communes"] = "hai-thinh", ["When"] = "now" };
        var preview = await (await officer.PostFormAsync("/admin/broadcasts/new?handler=Preview", form, tokenFrom: "/admin/broadcasts/new")).Content.ReadAsStringAsync();
        Assert.Matches(@"id=""route-Direct"">[^<]*<td>[^<]*</td><td>1</td>", preview); // planned as a consultation message
        var settled = bed.ExpectSends(sends);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync("/admin/broadcasts/new?handler=Send", form, tokenFrom: "/admin/broadcasts/new")).StatusCode);
        return await settled;
    }

    private static async Task AssertOneDeliveryAsync(ZaloBed bed, BroadcastRoute route)
    {
        var id = Assert.Single(await ZaloRoutesBed.BroadcastsAsync(bed)).Id;
        var routes = await ZaloRoutesBed.RoutesAsync(bed, id);
        Assert.Equal(1, routes.Delivered[route]);
        Assert.Equal(1, routes.Delivered.Values.Sum());
        await using var db = await bed.DbAsync();
        Assert.Equal(1, await db.Outbox.CountAsync(o => o.BroadcastId == id));
        Assert.Equal(1, await db.ReachLog.CountAsync(r => r.BroadcastId == id && r.Kind == ReachKinds.Announcement));
    }
}
