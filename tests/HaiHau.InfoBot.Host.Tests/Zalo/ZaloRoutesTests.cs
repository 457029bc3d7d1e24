using System.Net;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Storage.Reach;
using HaiHau.InfoBot.Host.Zalo;
using HaiHau.InfoBot.TestKit.Zalo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Zalo;

/// <summary>
/// Issue 18 end to end: an officer composes over HTTP; residents who wrote this week get a consultation message,
/// those who wrote months ago a promotion message within the OA's quota, then ZNS by their consented phone, and
/// the rest are counted as not reachable — each delivered once and counted as reach once.
/// </summary>
public sealed class ZaloRoutesTests : HostTestBase
{
    private const string Compose = "/admin/broadcasts/new";
    private static async Task SeedAsync(ZaloBed bed)
    {
        await ZaloRoutesBed.ResidentAsync(bed, "1000000000000000001", daysAgo: 2);
        await ZaloRoutesBed.ResidentAsync(bed, "1000000000000000002", daysAgo: 40);
        await ZaloRoutesBed.ResidentAsync(bed, "1000000000000000003", daysAgo: 90);
        await ZaloRoutesBed.ResidentAsync(bed, "1000000000000000004", daysAgo: 120, znsPhone: "0912 345 678");
        await ZaloRoutesBed.ResidentAsync(bed, "1000000000000000005", daysAgo: 200);
    }

    private static async Task<ConsoleClient> OfficerAsync(ZaloBed bed, string email = "huyen@haihau.test")
    {
        await ConsoleClient.CreateAccountAsync(bed.App, email, ConsoleRoles.Officer);
        return await ConsoleClient.SignedInAsync(bed.App, email);
    }

    private static Dictionary<string, string> Form(string text) => new() { ["Text"] = text, ["Communes"] = "hai-thinh", ["When"] = "now" };

    [Fact]
    public async Task Residents_who_wrote_months_ago_are_reached_by_promotion_then_ZNS_and_the_rest_are_counted_not_reachable()
    {
        await using var bed = await ZaloRoutesBed.StartAsync(Folder);
        bed.Zalo.PromotionDailyQuota = 2;
        await SeedAsync(bed);
        var officer = await OfficerAsync(bed);

        var preview = await (await officer.PostFormAsync($"{Compose}?handler=Preview", Form("Lịch rà soát hộ nghèo năm 2027"), tokenFrom: Compose)).Content.ReadAsStringAsync();
        Assert.Matches(@"id=""route-Direct"">[^<]*<td>[^<]*</td><td>1</td>", preview);
        Assert.Matches(@"id=""route-ZaloPromotion"">[^<]*<td>[^<]*</td><td>2</td>", preview);
        Assert.Matches(@"id=""route-ZaloZns"">[^<]*<td>[^<]*</td><td>1</td>", preview);
        Assert.Matches(@"id=""route-NotReachable"">[^<]*<td>[^<]*</td><td>1</td>", preview);
        Assert.Contains("Chi phí ZNS ước tính: <strong>300 đồng</strong>", preview, StringComparison.Ordinal);
        Assert.Contains("Tin truyền thông Zalo còn được gửi hôm nay: 2", preview, StringComparison.Ordinal);

        var sends = bed.ExpectSends(4);
        var sent = await officer.PostFormAsync($"{Compose}?handler=Send", Form("Lịch rà soát hộ nghèo năm 2027"), tokenFrom: Compose);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await sends;

        Assert.Equal(["1000000000000000001"], bed.Zalo.Sent.Select(s => s.UserId)); // inside the window only: no -230 was provoked
        Assert.Equal(["1000000000000000002", "1000000000000000003"], bed.Zalo.Promotions.Select(p => p.UserId).Order(StringComparer.Ordinal));
        var zns = Assert.Single(bed.Zalo.ZnsSent);
        Assert.Equal(("84912345678", ZaloRoutesBed.Template), (zns.Phone, zns.TemplateId));
        Assert.Equal("Lịch rà soát hộ nghèo năm 2027", zns.Data["noi_dung"]);
        Assert.Equal("15/9/2022", zns.Data["ngay"]);

        var id = Assert.Single(await ZaloRoutesBed.BroadcastsAsync(bed)).Id;
        var routes = await ZaloRoutesBed.RoutesAsync(bed, id);
        Assert.Equal((1, 2, 1, 1), (routes.Delivered[BroadcastRoute.Direct], routes.Delivered[BroadcastRoute.ZaloPromotion], routes.Delivered[BroadcastRoute.ZaloZns], routes.NotReachable));
        await using var db = await bed.DbAsync();
        Assert.Equal(4, await db.ReachLog.CountAsync(r => r.BroadcastId == id && r.Kind == ReachKinds.Announcement)); // each delivery counted once

        var list = await officer.PageAsync("/admin/broadcasts");
        Assert.Contains("Zalo – tin truyền thông: 2/2", list, StringComparison.Ordinal);
        Assert.Contains("Không liên lạc được: 1", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_announcement_whose_ZNS_cost_passes_the_threshold_waits_for_a_second_officer()
    {
        await using var bed = await ZaloRoutesBed.StartAsync(Folder, approvalThreshold: 200);
        bed.Zalo.PromotionDailyQuota = 0; // used up today: everyone silent with a phone goes by ZNS
        await SeedAsync(bed);
        var officer = await OfficerAsync(bed);

        var preview = await (await officer.PostFormAsync($"{Compose}?handler=Preview", Form("Họp dân"), tokenFrom: Compose)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"cost-approval\"", preview, StringComparison.Ordinal);

        await officer.PostFormAsync($"{Compose}?handler=Send", Form("Họp dân"), tokenFrom: Compose);
        Assert.Equal(BroadcastState.AwaitingApproval, Assert.Single(await ZaloRoutesBed.BroadcastsAsync(bed)).State);
        Assert.Empty(bed.Zalo.ZnsSent);
    }

    [Fact]
    public async Task With_no_route_configured_an_announcement_goes_as_before_and_a_silent_resident_is_recorded_window()
    {
        await using var bed = await ZaloBed.StartAsync(Folder);
        bed.Zalo.Clock = bed.Time;
        bed.Zalo.EnforceWindow = true;
        await ZaloRoutesBed.ResidentAsync(bed, "1000000000000000002", daysAgo: 40);
        var officer = await OfficerAsync(bed);

        var preview = await (await officer.PostFormAsync($"{Compose}?handler=Preview", Form("Họp dân"), tokenFrom: Compose)).Content.ReadAsStringAsync();
        var sends = bed.ExpectSends(1);
        await officer.PostFormAsync($"{Compose}?handler=Send", Form("Họp dân"), tokenFrom: Compose);
        var settled = Assert.Single(await sends);

        Assert.DoesNotContain("id=\"routes\"", preview, StringComparison.Ordinal); // no route table, no ZNS choice
        Assert.DoesNotContain("ZnsTemplate", preview, StringComparison.Ordinal);
        Assert.Equal("window", Assert.IsType<Core.Channels.SendResult.Failed>(settled.Result).Error);
        Assert.Empty(bed.Zalo.Promotions);
        Assert.Equal(0, bed.Zalo.ZnsCalls);
    }

    [Fact]
    public async Task The_ZNS_plan_stays_within_the_monthly_budget()
    {
        await using var zalo = await FakeZaloApi.StartAsync();
        var time = ZaloBed.NewClock();
        (zalo.Clock, zalo.EnforceWindow, zalo.PromotionDailyQuota) = (time, true, 0);
        zalo.AddTemplate(ZaloRoutesBed.Template, "noi_dung", "ngay");
        var settings = ZaloRoutesBed.RouteSettings(zalo);
        settings["InfoBot:Zalo:Routes:ZnsMonthlyBudget"] = "600"; // two messages at 300 đồng
        await using var bed = await ZaloBed.StartAsync(Folder, zalo, time, settings);
        await ZaloRoutesBed.MapTemplateAsync(bed.App);
        foreach (var n in new[] { 4, 5, 6 })
        {
            await ZaloRoutesBed.ResidentAsync(bed, $"100000000000000000{n}", daysAgo: 60, znsPhone: $"091234567{n}");
        }

        var officer = await OfficerAsync(bed);
        var preview = await (await officer.PostFormAsync($"{Compose}?handler=Preview", Form("Họp dân"), tokenFrom: Compose)).Content.ReadAsStringAsync();
        var sends = bed.ExpectSends(2);
        await officer.PostFormAsync($"{Compose}?handler=Send", Form("Họp dân"), tokenFrom: Compose);
        await sends;
        var next = await (await officer.PostFormAsync($"{Compose}?handler=Preview", Form("Họp dân lần hai"), tokenFrom: Compose)).Content.ReadAsStringAsync();

        Assert.Matches(@"id=""route-ZaloZns"">[^<]*<td>[^<]*</td><td>2</td>", preview);
        Assert.Matches(@"id=""route-NotReachable"">[^<]*<td>[^<]*</td><td>1</td>", preview);
        Assert.Contains("Chi phí ZNS ước tính: <strong>600 đồng</strong>", preview, StringComparison.Ordinal);
        Assert.Equal(2, bed.Zalo.ZnsSent.Count);
        Assert.Matches(@"id=""route-ZaloZns"">[^<]*<td>[^<]*</td><td>0</td>", next); // the month's budget is spent
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_settled_ZNS_delivery_keeps_its_tracking_id_as_its_address(bool paid)
    {
        // Regression: settling any zns: row took it for an erased resident's and overwrote its address with the
        // resident's Zalo id, so Zalo's delivery receipt (tracking_id) no longer matched the row.
        await using var bed = await ZaloRoutesBed.StartAsync(Folder);
        bed.Zalo.PromotionDailyQuota = 0;
        bed.Zalo.Balance = paid ? decimal.MaxValue : 0; // 0: -321, the row fails on ZNS
        var conversation = await ZaloRoutesBed.ResidentAsync(bed, "1000000000000000004", daysAgo: 120, znsPhone: "0912 345 678");
        var officer = await OfficerAsync(bed);

        var sends = bed.ExpectSends(1);
        await officer.PostFormAsync($"{Compose}?handler=Send", Form("Họp dân"), tokenFrom: Compose);
        await sends;

        await using var db = await bed.DbAsync();
        var row = await db.Outbox.AsNoTracking().SingleAsync(o => o.BroadcastId != null);
        Assert.Equal(ZnsAddress.Of(row.BroadcastId!.Value, conversation), row.ChatId);
        Assert.Equal(paid ? Storage.Records.OutboxStatus.Sent : Storage.Records.OutboxStatus.Failed, row.Status);
        Assert.Equal(paid ? [row.ChatId] : [], bed.Zalo.ZnsSent.Select(z => z.TrackingId));
        Assert.Equal("1000000000000000004", (await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversation)).ChatId);
    }

    [Fact]
    public async Task Erasing_my_data_erases_the_phone_kept_for_ZNS()
    {
        await using var bed = await ZaloRoutesBed.StartAsync(Folder);
        bed.Zalo.Interacted(ZaloBed.Resident, bed.Time.GetUtcNow());
        await bed.ConverseAsync(bed.Text("menu"), replies: 2);
        long conversation;
        await using (var db = await bed.DbAsync())
        {
            conversation = (await db.Conversations.SingleAsync(c => c.ChatId == ZaloBed.Resident)).Id;
        }

        var phones = bed.App.Services.GetRequiredService<ZnsPhoneBook>();
        await phones.SetAsync(conversation, "0912345678", CancellationToken.None);
        Assert.Equal("84912345678", await phones.PhoneAsync(conversation, CancellationToken.None));

        await bed.ConverseAsync(bed.Text("xóa dữ liệu của tôi"), replies: 1);
        await bed.ConverseAsync(bed.Text("có"), replies: 1);

        Assert.Null(await phones.PhoneAsync(conversation, CancellationToken.None));
        await using var after = await bed.DbAsync();
        Assert.False(await after.ChannelState.AnyAsync(s => s.Value.Contains("912345678")));
    }
}
