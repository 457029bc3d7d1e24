using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Host.OfficerConsole;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Zalo;

/// <summary>Zalo's ZNS webhooks, signed as Zalo signs them: a quota change paces the route, a low-quality template is shown to officers, receipts are counted once.</summary>
public sealed class ZaloRouteWebhookTests : HostTestBase
{
    [Fact]
    public async Task A_lower_daily_quota_from_Zalo_pauses_the_ZNS_route_until_tomorrow()
    {
        await using var bed = await ZaloRoutesBed.StartAsync(Folder);
        var resident = await ZaloRoutesBed.ResidentAsync(bed, "1000000000000000004", daysAgo: 40, znsPhone: "0912345678");
        await ZaloRoutesBed.AnnouncementsAsync(bed, 2);
        var zns = ZaloRoutesBed.Route(bed, BroadcastRouteChannels.ZaloZns);
        Task<SendResult> SendAsync(long broadcast) => zns.SendAsync(new ConversationRef(BroadcastRouteChannels.ZaloZns, "x", ZnsAddress.Of(broadcast, resident)), OutboundMessage.Plain("Họp dân"), CancellationToken.None);

        (await bed.Webhooks.SendAsync(bed.Payload("change_oa_daily_quota.json"))).EnsureSuccessStatusCode();

        Assert.IsType<SendResult.Sent>(await SendAsync(1));
        Assert.IsType<SendResult.RetryAfter>(await SendAsync(2)); // the second of the day waits, without asking Zalo
        Assert.Equal(1, bed.Zalo.ZnsCalls);
    }

    [Fact]
    public async Task A_template_Zalo_marks_low_quality_is_flagged_on_the_compose_page()
    {
        await using var bed = await ZaloRoutesBed.StartAsync(Folder);
        await ConsoleClient.CreateAccountAsync(bed.App, "huyen@haihau.test", ConsoleRoles.Officer);
        var officer = await ConsoleClient.SignedInAsync(bed.App, "huyen@haihau.test");
        var form = new Dictionary<string, string> { ["Text"] = "Họp dân", ["Communes"] = "hai-thinh" };
        Assert.DoesNotContain("id=\"template-quality\"", await (await officer.PostFormAsync("/admin/broadcasts/new?handler=Preview", form, tokenFrom: "/admin/broadcasts/new")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        (await bed.Webhooks.SendAsync(bed.Payload("change_template_quality.json"))).EnsureSuccessStatusCode();

        var page = await (await officer.PostFormAsync("/admin/broadcasts/new?handler=Preview", form, tokenFrom: "/admin/broadcasts/new")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"template-quality\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ZNS_receipt_is_counted_once_even_when_Zalo_delivers_the_event_twice()
    {
        await using var bed = await ZaloRoutesBed.StartAsync(Folder);
        var receipt = bed.Payload("user_received_message.zns.json");

        (await bed.Webhooks.SendAsync(receipt)).EnsureSuccessStatusCode();
        (await bed.Webhooks.SendAsync(receipt)).EnsureSuccessStatusCode();

        Assert.Equal(1, bed.App.Services.GetRequiredService<ZaloRouteSignals>().Received);
    }
}
