using System.Net;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.Telegram;
using HaiHau.InfoBot.Host.Tests.Zalo;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Reach;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Register;
using HaiHau.InfoBot.Storage.Residents;
using HaiHau.InfoBot.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Broadcasts;

/// <summary>
/// Issue 18's last route: a resident Zalo cannot reach (silent for months, no promotion left, no ZNS phone) who is
/// also on Telegram, both chats linked by the same verified phone to one register household, gets the announcement on
/// Telegram, sent by the real Telegram.Bot client to the fake Bot API, and is counted once.
/// </summary>
public sealed class TelegramFallbackTests : HostTestBase
{
    private const string ZaloUser = "1000000000000000009";
    private const long TelegramChat = 777001;

    [Fact]
    public async Task A_resident_no_Zalo_route_reaches_gets_the_announcement_on_their_linked_Telegram_once()
    {
        await using var telegram = await FakeTelegramApi.StartAsync();
        var zalo = await ZaloWithRoutesAsync();
        var settings = ZaloRoutesBed.RouteSettings(zalo);
        settings["InfoBot:Zalo:Routes:OtherChannel"] = "true";
        settings["InfoBot:Telegram:BotToken"] = FakeTelegramApi.Token;
        settings["InfoBot:Telegram:ApiBaseUrl"] = telegram.BaseUrl;
        settings["InfoBot:Telegram:Mode"] = "Webhook";
        settings["InfoBot:Telegram:WebhookSecret"] = TelegramRig.Secret;
        var time = ZaloBed.NewClock();
        zalo.Clock = time;
        await using var bed = await ZaloBed.StartAsync(Folder, zalo, time, settings);
        bed.Zalo.PromotionDailyQuota = 0;
        var zaloConversation = await ZaloRoutesBed.ResidentAsync(bed, ZaloUser, daysAgo: 200);
        await LinkBothToOneHouseholdAsync(bed, zaloConversation);

        await ConsoleClient.CreateAccountAsync(bed.App, "xa@haihau.test", ConsoleRoles.Officer);
        var officer = await ConsoleClient.SignedInAsync(bed.App, "xa@haihau.test");
        var form = new Dictionary<string, string> { ["Text"] = "Họp dân bình xét hộ nghèo", ["Communes"] = "hai-thinh", ["When"] = "now" };
        var preview = await (await officer.PostFormAsync("/admin/broadcasts/new?handler=Preview", form, tokenFrom: "/admin/broadcasts/new")).Content.ReadAsStringAsync();
        Assert.Matches(@"id=""route-OtherChannel"">[^<]*<td>[^<]*</td><td>1</td>", preview);
        var sends = bed.ExpectSends(1);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync("/admin/broadcasts/new?handler=Send", form, tokenFrom: "/admin/broadcasts/new")).StatusCode);
        await sends;

        var delivered = Assert.Single(telegram.Delivered);
        Assert.Equal(TelegramChat, delivered.ChatId);
        Assert.Contains("Họp dân bình xét hộ nghèo", delivered.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(bed.Zalo.Sent);
        await using var db = await bed.DbAsync();
        var reach = Assert.Single(await db.ReachLog.Where(r => r.Kind == ReachKinds.Announcement).ToListAsync());
        Assert.Equal("telegram", reach.Channel);
    }

    private static async Task<HaiHau.InfoBot.TestKit.Zalo.FakeZaloApi> ZaloWithRoutesAsync()
    {
        var zalo = await HaiHau.InfoBot.TestKit.Zalo.FakeZaloApi.StartAsync();
        zalo.EnforceWindow = true;
        zalo.AddTemplate(ZaloRoutesBed.Template, "noi_dung", "ngay");
        return zalo;
    }

    /// <summary>The Zalo resident and a Telegram chat of theirs, both linked by a verified phone to one register household.</summary>
    private static async Task LinkBothToOneHouseholdAsync(ZaloBed bed, long zaloConversation)
    {
        var report = await bed.App.Services.GetRequiredService<HouseholdImporter>().ImportAsync(
            [new HouseholdRow(2, "HT-09", "Hải Thịnh", "Xóm 3", "nghèo", "Trần Văn Nam", "0987654321")],
            new ImportRequest(2022, "ds.csv", null, false, new AuditEntry("t", "t", AuditActions.HouseholdsImported)),
            CancellationToken.None);
        Assert.True(report.Applied);
        var at = bed.Time.GetUtcNow().AddDays(-200);
        await using var db = await bed.DbAsync();
        var household = (await db.Households.SingleAsync()).Id;
        var zaloProfile = await db.ResidentProfiles.SingleAsync(p => p.ConversationId == zaloConversation);
        (zaloProfile.ConsentStatistics, zaloProfile.HouseholdId, zaloProfile.LinkedBy) = (true, household, "phone");
        var chat = TelegramChat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var conversation = new ConversationRecord { Channel = "telegram", ChatId = chat, UserId = chat, CreatedAt = at, UpdatedAt = at };
        db.ResidentProfiles.Add(new ResidentProfileRecord
        {
            Conversation = conversation, Channel = "telegram", ConsentAnnouncements = true, ConsentStatistics = true, CommuneCode = "hai-thinh",
            HouseholdId = household, LinkedBy = "phone", CreatedAt = at, UpdatedAt = at,
        });
        await db.SaveChangesAsync();
    }
}
