using System.Net;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.Privacy;
using HaiHau.InfoBot.Host.Zalo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Zalo;

/// <summary>
/// Issue 18: on Zalo with the ZNS route configured, registration asks the separate consent to be notified by phone,
/// in one plain sentence; the phone Zalo verifies in that answer (user_submit_info) is kept for that purpose only, an
/// announcement to a resident silent for more than 7 days goes to it, and «dừng» or «xóa dữ liệu của tôi» removes it
/// (from the database files too). All through the real webhook, engine, turn writers and compose page.
/// </summary>
[Scheduling.LongRunning(13)]
public sealed class ZnsConsentTests : HostTestBase
{
    private const string Shared = "84912345678"; // user_submit_info.json's phone
    private const string Digits = "912345678";

    [Fact]
    public async Task The_phone_shared_at_the_consent_question_is_kept_and_an_announcement_ten_days_later_goes_to_it_by_ZNS()
    {
        await using var bed = await ZaloRoutesBed.StartAsync(Folder);
        bed.Zalo.PromotionDailyQuota = 0; // no promotion left: the phone is the only way past the window
        await RegisterUpToTheConsentAsync(bed, statistics: "không");

        var card = bed.Zalo.Requests.Last(r => r.Path == "/v3.0/oa/message/cs").Body;
        Assert.Contains("request_user_info", card, StringComparison.Ordinal);
        Assert.StartsWith("Khi bác lâu không nhắn cho cháu, Zalo không cho cháu nhắn tới bác", bed.Zalo.Sent[^2].Text, StringComparison.Ordinal);
        var answered = await bed.ConverseAsync(bed.Payload("user_submit_info.json"), replies: 3); // thanks, saved, anything else?
        Assert.StartsWith("Dạ, khi có thông báo mà không nhắn được cho bác", answered[0].Delivery.Message.Text, StringComparison.Ordinal);

        var conversation = await ConversationAsync(bed);
        Assert.Equal(Shared, await bed.App.Services.GetRequiredService<ZnsPhoneBook>().PhoneAsync(conversation, CancellationToken.None));
        await using (var db = await bed.DbAsync())
        {
            // Only there: not in the conversation's state, the message, the events, nor as a household link.
            Assert.DoesNotContain(Digits, (await db.Conversations.SingleAsync()).StateJson, StringComparison.Ordinal);
            Assert.False(await db.Inbox.AnyAsync(i => i.ContactPhone != null));
            Assert.False(await db.TurnEvents.AnyAsync(e => e.Subject != null && e.Subject.Contains(Digits)));
            Assert.Null((await db.ResidentProfiles.SingleAsync()).HouseholdId);
        }

        bed.Time.Advance(TimeSpan.FromDays(10)); // silent for ten days: outside Zalo's 7-day window
        await ConsoleClient.CreateAccountAsync(bed.App, "xa@haihau.test", ConsoleRoles.Officer);
        var officer = await ConsoleClient.SignedInAsync(bed.App, "xa@haihau.test");
        var form = new Dictionary<string, string> { ["Text"] = "Lịch rà soát hộ nghèo năm 2027", ["Communes"] = "hai-an", ["When"] = "now" };
        var sends = bed.ExpectSends(1);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync("/admin/broadcasts/new?handler=Send", form, tokenFrom: "/admin/broadcasts/new")).StatusCode);
        await sends;

        var zns = Assert.Single(bed.Zalo.ZnsSent);
        Assert.Equal((Shared, "Lịch rà soát hộ nghèo năm 2027"), (zns.Phone, zns.Data["noi_dung"]));
        var id = Assert.Single(await ZaloRoutesBed.BroadcastsAsync(bed)).Id;
        Assert.Equal(1, (await ZaloRoutesBed.RoutesAsync(bed, id)).Delivered[BroadcastRoute.ZaloZns]);
    }

    [Fact]
    public async Task Saying_no_keeps_no_phone_and_the_phone_shared_for_the_household_list_is_not_kept_for_ZNS()
    {
        await using var bed = await ZaloRoutesBed.StartAsync(Folder);
        await RegisterUpToTheConsentAsync(bed, statistics: "có");

        var next = await bed.ConverseAsync(bed.Text("không"), replies: 1);
        Assert.StartsWith("Cách nhanh nhất để cháu tìm nhà bác", next[0].Delivery.Message.Text, StringComparison.Ordinal); // the other purpose, asked apart
        await bed.ConverseAsync(bed.Payload("user_submit_info.json"), replies: 2);

        await using var db = await bed.DbAsync();
        Assert.False(await db.ChannelState.AnyAsync(s => s.Channel == BroadcastRouteChannels.ZaloZns));
        Assert.True((await db.ResidentProfiles.SingleAsync()).ConsentAnnouncements);
    }

    [Fact]
    public async Task Stopping_the_announcements_forgets_the_phone()
    {
        await using var bed = await ZaloRoutesBed.StartAsync(Folder);
        await RegisterUpToTheConsentAsync(bed, statistics: "không");
        await bed.ConverseAsync(bed.Payload("user_submit_info.json"), replies: 3);
        var conversation = await ConversationAsync(bed);
        var phones = bed.App.Services.GetRequiredService<ZnsPhoneBook>();
        Assert.NotNull(await phones.PhoneAsync(conversation, CancellationToken.None));

        var stop = await bed.ConverseAsync(bed.Text("dừng"), replies: 1);
        Assert.StartsWith("Dạ, cháu đã dừng gửi thông báo cho bác", stop[0].Delivery.Message.Text, StringComparison.Ordinal);

        Assert.Null(await phones.PhoneAsync(conversation, CancellationToken.None));
    }

    [Fact]
    public async Task After_an_erase_the_phone_kept_for_ZNS_is_nowhere_in_the_database_files()
    {
        await using var bed = await ZaloRoutesBed.StartAsync(Folder);
        await RegisterUpToTheConsentAsync(bed, statistics: "không");
        await bed.ConverseAsync(bed.Payload("user_submit_info.json"), replies: 3);
        Assert.NotEmpty(DatabaseFiles.Find(Folder, Digits)); // the control: kept on disk before the erase

        await bed.ConverseAsync(bed.Text("xóa dữ liệu của tôi"), replies: 1);
        await bed.ConverseAsync(bed.Text("có"), replies: 1);

        Assert.Empty(DatabaseFiles.Find(Folder, Digits));
    }

    /// <summary>Follow → 7 (Đăng ký nhận tin) → có (thông báo) → <paramref name="statistics"/> → Hải An → nghèo → BHYT → không thêm: the phone consent.</summary>
    private static async Task RegisterUpToTheConsentAsync(ZaloBed bed, string statistics)
    {
        bed.Zalo.Interacted(ZaloBed.Resident, bed.Time.GetUtcNow());
        await bed.ConverseAsync(bed.Payload("follow.json"), replies: 2);
        await bed.ConverseAsync(bed.Text("7"), replies: 2);
        foreach (var step in new[] { "có", statistics, "hai an", "1", "2", "không" })
        {
            await bed.ConverseAsync(bed.Text(step), replies: 1);
        }
    }

    private static async Task<long> ConversationAsync(ZaloBed bed)
    {
        await using var db = await bed.DbAsync();
        return (await db.Conversations.SingleAsync(c => c.ChatId == ZaloBed.Resident)).Id;
    }
}
