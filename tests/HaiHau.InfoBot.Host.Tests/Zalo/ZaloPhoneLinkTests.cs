using System.Text.Json.Nodes;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Zalo;

/// <summary>
/// Registration on Zalo: the bot sends Zalo's request_user_info card, the resident taps it, and the user_submit_info
/// answer links them to the register household with that phone.
/// </summary>
public sealed class ZaloPhoneLinkTests : HostTestBase
{
    [Fact]
    public async Task The_share_card_is_sent_and_the_submitted_phone_links_the_register_household()
    {
        await using var bed = await ZaloBed.StartAsync(Folder);
        var importer = bed.App.Services.GetRequiredService<HouseholdImporter>();
        var report = await importer.ImportAsync(
            [new HouseholdRow(2, "HA-07", "Hải An", "Xóm 2", "nghèo", "Nguyễn Thị Lan", "0912345678")],
            new ImportRequest(2022, "ds.csv", null, false, new AuditEntry("t", "t", AuditActions.HouseholdsImported)),
            CancellationToken.None);
        Assert.True(report.Applied);

        await RegisterUpToTheShareCardAsync(bed);

        var card = JsonNode.Parse(bed.Zalo.Requests.Last(r => r.Path == "/v3.0/oa/message/cs").Body)!;
        var template = card["message"]!["attachment"]!["payload"]!;
        Assert.Equal("request_user_info", template["template_type"]!.GetValue<string>());
        Assert.Equal("Chia sẻ số điện thoại", template["elements"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(ZaloBed.Resident, card["recipient"]!["user_id"]!.GetValue<string>());
        var question = bed.Zalo.Sent[^2].Text;
        Assert.StartsWith("Cách nhanh nhất để cháu tìm nhà bác", question, StringComparison.Ordinal);
        Assert.DoesNotContain("1. Chia sẻ", question, StringComparison.Ordinal); // the card is the way to share, not a number

        var linked = await bed.ConverseAsync(bed.Payload("user_submit_info.json"), replies: 3);

        Assert.StartsWith("Cháu đã tìm thấy và ghi nhận nhà bác", linked[0].Delivery.Message.Text, StringComparison.Ordinal);
        await using var db = await bed.DbAsync();
        var profile = await db.ResidentProfiles.Include(p => p.Household).SingleAsync();
        Assert.Equal(("HA-07", "phone"), (profile.Household!.Code, profile.LinkedBy));
    }

    [Fact]
    public async Task A_submitted_phone_not_on_the_list_moves_on_to_the_household_code()
    {
        await using var bed = await ZaloBed.StartAsync(Folder);
        await RegisterUpToTheShareCardAsync(bed);

        var next = await bed.ConverseAsync(bed.Payload("user_submit_info.top-level.json"), replies: 2);

        Assert.Equal("Cháu chưa tìm thấy số điện thoại này trong danh sách của xã. Cháu thử tìm theo mã hộ nhé.", next[0].Delivery.Message.Text);
        Assert.StartsWith("Nếu nhà bác có tên trong danh sách hộ nghèo", next[1].Delivery.Message.Text, StringComparison.Ordinal);
        await using var db = await bed.DbAsync();
        Assert.Null((await db.ResidentProfiles.SingleAsync()).HouseholdId);
    }

    /// <summary>Follow → 7 (Đăng ký nhận tin) → có, có → Hải An → 1 (nghèo) → 2 (BHYT) → không thêm.</summary>
    private static async Task RegisterUpToTheShareCardAsync(ZaloBed bed)
    {
        await bed.ConverseAsync(bed.Payload("follow.json"), replies: 2);
        await bed.ConverseAsync(bed.Text("7"), replies: 2);
        foreach (var step in new[] { "có", "có", "hai an", "1", "2", "không" })
        {
            await bed.ConverseAsync(bed.Text(step), replies: 1);
        }
    }
}
