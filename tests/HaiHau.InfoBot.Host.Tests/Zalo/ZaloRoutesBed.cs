using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Host.Zalo;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Residents;
using HaiHau.InfoBot.Storage.Zns;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Zalo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Zalo;

/// <summary>
/// A <see cref="ZaloBed"/> with the announcement routes on (promotion, ZNS template "tb-giam-ngheo" with parameters
/// noi_dung and ngay) and a fake Zalo that enforces the 7-day window, on the bed's clock. Residents are seeded as
/// registered Zalo followers who last wrote a given number of days ago.
/// </summary>
public static class ZaloRoutesBed
{
    public const string Template = "tb-giam-ngheo";

    public static Dictionary<string, string?> RouteSettings(FakeZaloApi zalo, decimal approvalThreshold = 1_000_000) => new()
    {
        ["InfoBot:Zalo:Routes:Promotion"] = "true",
        ["InfoBot:Zalo:Routes:Zns"] = "true",
        ["InfoBot:Zalo:Routes:ZnsPrice"] = "300",
        ["InfoBot:Zalo:Routes:ZnsMonthlyBudget"] = "1000000",
        ["InfoBot:Zalo:Routes:ZnsApprovalThreshold"] = approvalThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["InfoBot:Zalo:Routes:BusinessBaseUrl"] = zalo.BaseUrl.ToString(),
    };

    public static async Task<ZaloBed> StartAsync(TempDirectory folder, decimal approvalThreshold = 1_000_000)
    {
        var zalo = await FakeZaloApi.StartAsync();
        var time = ZaloBed.NewClock();
        zalo.Clock = time;
        zalo.EnforceWindow = true;
        zalo.AddTemplate(Template, "noi_dung", "ngay");
        var bed = await ZaloBed.StartAsync(folder, zalo, time, RouteSettings(zalo, approvalThreshold));
        await MapTemplateAsync(bed.App);
        return bed;
    }

    /// <summary>The mapping an officer makes once on /admin/zns (ZnsTemplateMappingTests does it through the page).</summary>
    public static async Task MapTemplateAsync(InfoBotApp app)
    {
        var templates = app.Services.GetRequiredService<ZnsTemplateStore>();
        await templates.AddAsync(Template, [new("noi_dung", null), new("ngay", null)], "huyen@haihau.test", CancellationToken.None);
        await templates.MapAsync(Template, new Dictionary<string, (string?, string?)> { ["noi_dung"] = (ZnsFields.Text, null), ["ngay"] = (ZnsFields.Date, null) }, "huyen@haihau.test", CancellationToken.None);
    }

    /// <summary>A registered Zalo resident of Hải Thịnh who last wrote <paramref name="daysAgo"/> days ago (and the phone they consented to ZNS with, if any).</summary>
    public static async Task<long> ResidentAsync(ZaloBed bed, string userId, int daysAgo, string? znsPhone = null)
    {
        var at = bed.Time.GetUtcNow().AddDays(-daysAgo);
        await using var db = await bed.DbAsync();
        var conversation = new ConversationRecord { Channel = "zalo", ChatId = userId, UserId = userId, CreatedAt = at, UpdatedAt = at };
        db.ResidentProfiles.Add(new ResidentProfileRecord { Conversation = conversation, Channel = "zalo", ConsentAnnouncements = true, CommuneCode = "hai-thinh", CreatedAt = at, UpdatedAt = at });
        db.Inbox.Add(new InboxRecord { Channel = "zalo", ExternalId = "m-" + userId, ChatId = userId, UserId = userId, Text = "chào", ReceivedAt = at, Status = InboxStatus.Done });
        await db.SaveChangesAsync();
        bed.Zalo.Interacted(userId, at);
        if (znsPhone is not null)
        {
            await bed.App.Services.GetRequiredService<ZnsPhoneBook>().SetAsync(conversation.Id, znsPhone, CancellationToken.None);
        }

        return conversation.Id;
    }

    /// <summary>
    /// Announcements 1..<paramref name="count"/> going by the mapped template, scheduled a year ahead (never fanned out
    /// here): for tests that call the ZNS sender directly with ZnsAddress.Of(n, …).
    /// </summary>
    public static async Task AnnouncementsAsync(ZaloBed bed, int count)
    {
        var store = bed.App.Services.GetRequiredService<BroadcastStore>();
        for (var i = 0; i < count; i++)
        {
            await store.CreateAsync(new BroadcastDraft("Họp dân", null, Segment.Everyone, bed.Time.GetUtcNow().AddDays(365), "huyen@haihau.test", ZnsTemplateId: Template), CancellationToken.None);
        }
    }

    public static IChannelAdapter Route(ZaloBed bed, string channel) =>
        bed.App.Services.GetServices<IChannelAdapter>().Single(a => a.Channel == channel);

    public static async Task<BroadcastRouteProgress> RoutesAsync(ZaloBed bed, long broadcastId) =>
        await bed.App.Services.GetRequiredService<BroadcastStore>().RouteProgressAsync(broadcastId, CancellationToken.None);

    public static async Task<List<BroadcastRecord>> BroadcastsAsync(ZaloBed bed)
    {
        await using var db = await bed.DbAsync();
        return await db.Broadcasts.AsNoTracking().OrderBy(b => b.Id).ToListAsync();
    }

    public static string ZnsChannel => BroadcastRouteChannels.ZaloZns;
}
