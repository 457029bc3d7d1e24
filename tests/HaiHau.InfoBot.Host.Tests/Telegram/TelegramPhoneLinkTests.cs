using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Reach;
using HaiHau.InfoBot.Storage.Register;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Telegram;

/// <summary>
/// Registration on Telegram: the resident shares their own phone with the request_contact button, is linked to the
/// register household with that phone, and what they read then counts for the household in the reach report.
/// </summary>
public sealed class TelegramPhoneLinkTests : HostTestBase
{
    private const long Lan = 123456789;

    [Fact]
    public async Task Sharing_the_own_phone_links_the_register_household_and_the_reach_report_counts_it()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);
        await ImportAsync(rig, new HouseholdRow(2, "HA-07", "Hải An", "Xóm 2", "nghèo", "Nguyễn Thị Lan", "0912 345 678"));
        var lan = new FakeTelegramUser(Lan);

        var ask = await RegisterAsync(rig, lan);

        var share = ask[^1];
        var keyboard = share.Body["reply_markup"]!.AsObject();
        var button = keyboard["keyboard"]![0]![0]!;
        Assert.Equal("Chia sẻ số điện thoại", button["text"]!.GetValue<string>());
        Assert.True(button["request_contact"]!.GetValue<bool>());
        Assert.True(keyboard["one_time_keyboard"]!.GetValue<bool>());

        var linked = await rig.SayAsync(lan.SharesOwnPhone("84912345678"));

        Assert.StartsWith("Cháu đã tìm thấy và ghi nhận nhà bác", linked[0].Text, StringComparison.Ordinal);
        Assert.True(linked[0].Body["reply_markup"]!["remove_keyboard"]!.GetValue<bool>()); // the share button goes away
        await using (var db = await rig.Db())
        {
            var profile = await db.ResidentProfiles.Include(p => p.Household).SingleAsync();
            Assert.Equal(("HA-07", "phone"), (profile.Household!.Code, profile.LinkedBy));
            Assert.False(await db.Inbox.AnyAsync(i => i.ContactPhone != null)); // used to link, then not kept
        }

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.SayAsync(lan.Text("menu"));
        await rig.SayAsync(lan.Text("2")); // Bảo hiểm y tế
        await rig.SayAsync(lan.Text("1")); // hộ nghèo: the article

        var today = DateOnly.FromDateTime(rig.Time.GetUtcNow().UtcDateTime);
        var report = await rig.Service<ReachReport>().RunAsync(new ReachQuery(today.AddDays(-1), today.AddDays(1), 2022, null), ["hai-an"], CancellationToken.None);
        var haiAn = report.Communes.Single(c => c.Commune == "hai-an");
        Assert.Equal((1, 1), (haiAn.Poor, haiAn.ReachedPoor));
    }

    [Fact]
    public async Task A_forwarded_contact_is_refused_kindly_and_links_nothing()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);
        await ImportAsync(rig, new HouseholdRow(2, "HA-07", "Hải An", "Xóm 2", "nghèo", "Nguyễn Thị Lan", "0912345678"));
        var lan = new FakeTelegramUser(Lan);
        await RegisterAsync(rig, lan);

        var refused = await rig.SayAsync(lan.Contact("0912345678", ownerId: 555000111));

        Assert.StartsWith("Dạ, cháu chỉ nhận số điện thoại của chính bác", refused[0].Text, StringComparison.Ordinal);
        Assert.True(refused[^1].Body["reply_markup"]!["keyboard"]![0]![0]!["request_contact"]!.GetValue<bool>()); // asked again
        await using var db = await rig.Db();
        Assert.Null((await db.ResidentProfiles.SingleAsync()).HouseholdId);
    }

    [Fact]
    public async Task Declining_removes_the_share_button_and_offers_the_household_code_instead()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);
        var lan = new FakeTelegramUser(Lan);
        await RegisterAsync(rig, lan);

        var next = await rig.SayAsync(lan.Text("không"));

        Assert.Equal("Dạ, không sao ạ. Cháu thử tìm theo mã hộ nhé.", next[0].Text);
        Assert.True(next[0].Body["reply_markup"]!["remove_keyboard"]!.GetValue<bool>());
        Assert.StartsWith("Nếu nhà bác có tên trong danh sách hộ nghèo", next[1].Text, StringComparison.Ordinal);
        Assert.Equal(["yes", "no", "unknown"], next[1].ButtonData); // back to inline buttons («Không biết»: the code may be forgotten)
    }

    /// <summary>Menu → Đăng ký nhận tin → yes, yes → Hải An → nghèo → BHYT only; returns the replies up to the share-phone question.</summary>
    private static async Task<IReadOnlyList<FakeTelegramRequest>> RegisterAsync(TelegramRig rig, FakeTelegramUser lan)
    {
        await rig.SayAsync(lan.Text("/start"));
        IReadOnlyList<FakeTelegramRequest> last = [];
        foreach (var step in new[] { "7", "có", "có", "hai an", "1", "2", "không" })
        {
            last = await rig.SayAsync(lan.Text(step));
        }

        return last;
    }

    private static async Task ImportAsync(TelegramRig rig, params HouseholdRow[] rows)
    {
        var report = await rig.Service<HouseholdImporter>().ImportAsync(rows, new ImportRequest(2022, "ds.csv", null, false, new AuditEntry("t", "t", AuditActions.HouseholdsImported)), CancellationToken.None);
        Assert.True(report.Applied);
    }
}
