using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Register;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Registration;

/// <summary>A resident registers, links to the commune's list, reads articles, stops announcements and erases: what the store keeps each time.</summary>
public sealed class RegistrationTests : IDisposable
{
    private readonly StoreHarness store = new();
    private readonly SqliteWriteGate gate = new();

    [Fact]
    public async Task A_resident_registers_links_by_code_and_name_and_their_reading_counts_for_the_household()
    {
        await ImportAsync("HA-01,Hải An,Xóm 1,nghèo,Nguyễn Văn An");

        await RegisterAsync("c1", code: "ha-01", head: "nguyen van an");
        await store.TurnAsync(null, "chu-de-khac", chatId: "c1");
        var view = Text(await store.TurnAsync(null, "dang-ky", chatId: "c1"));
        await store.TurnAsync(null, "giu", chatId: "c1");
        await store.TurnAsync(null, "chu-de-khac", chatId: "c1");
        await store.TurnAsync(null, "bhyt", chatId: "c1");
        await store.TurnAsync(null, "ngheo", chatId: "c1");

        Assert.Contains("- Nơi ở: Xã Hải An\n- Diện hộ: hộ nghèo\n- Chủ đề: bảo hiểm y tế", view, StringComparison.Ordinal);
        Assert.Contains("nhà bác đã được ghi nhận trong danh sách hộ của xã (mã hộ HA-01)", view, StringComparison.Ordinal);
        await using var db = await store.Factory.CreateDbContextAsync();
        var profile = await db.ResidentProfiles.Include(p => p.Household).SingleAsync();
        Assert.Equal(("hai-an", "ngheo", "health_insurance", "HA-01", "resident"), (profile.CommuneCode, profile.DeclaredCategory, profile.Topics, profile.Household!.Code, profile.LinkedBy));
        var reach = await db.ReachLog.SingleAsync();
        Assert.Equal(("article", "health_insurance", "bhyt-ho-ngheo", profile.HouseholdId, "hai-an", "ngheo"), (reach.Kind, reach.Topic, reach.Subject, reach.HouseholdId, reach.CommuneCode, reach.DeclaredCategory));
        Assert.Equal(20220915, reach.Day);
    }

    [Fact]
    public async Task A_wrong_head_name_does_not_link_but_the_registration_is_kept()
    {
        await ImportAsync("HA-01,Hải An,Xóm 1,nghèo,Nguyễn Văn An");

        var replies = await RegisterAsync("c1", code: "HA-01", head: "Trần Văn Khác");

        Assert.Contains("Cháu chưa tìm thấy hộ", Text(replies), StringComparison.Ordinal);
        await using var db = await store.Factory.CreateDbContextAsync();
        var profile = await db.ResidentProfiles.SingleAsync();
        Assert.Null(profile.HouseholdId);
        Assert.True(profile.ConsentAnnouncements);
    }

    [Fact]
    public async Task Dung_stops_announcements_and_keeps_the_rest()
    {
        await RegisterAsync("c1", code: null, head: null);

        var stopped = Text(await store.TurnAsync("dừng", chatId: "c1"));

        Assert.Contains("cháu đã dừng gửi thông báo cho bác", stopped, StringComparison.Ordinal);
        await using var db = await store.Factory.CreateDbContextAsync();
        var profile = await db.ResidentProfiles.SingleAsync();
        Assert.False(profile.ConsentAnnouncements);
        Assert.NotNull(profile.AnnouncementsStoppedAt);
        Assert.Equal("hai-an", profile.CommuneCode);
    }

    [Fact]
    public async Task Consenting_to_nothing_stores_nothing()
    {
        await store.TurnAsync(null, isStart: true, chatId: "c1");
        await store.TurnAsync(null, "dang-ky", chatId: "c1");
        await store.TurnAsync(null, "no", chatId: "c1");
        var replies = await store.TurnAsync(null, "no", chatId: "c1");

        Assert.Contains("cháu không lưu gì thêm", Text(replies), StringComparison.Ordinal);
        await using var db = await store.Factory.CreateDbContextAsync();
        Assert.False(await db.ResidentProfiles.AnyAsync());
    }

    [Fact]
    public async Task Erasing_deletes_the_registration_and_leaves_reach_rows_anonymous()
    {
        await ImportAsync("HA-01,Hải An,Xóm 1,nghèo,Nguyễn Văn An");
        await RegisterAsync("c1", code: "HA-01", head: "Nguyễn Văn An");
        await store.TurnAsync(null, "chu-de-khac", chatId: "c1");
        await store.TurnAsync(null, "bhyt", chatId: "c1");
        await store.TurnAsync(null, "ngheo", chatId: "c1");

        await store.TurnAsync("xóa dữ liệu của tôi", chatId: "c1");
        await store.TurnAsync(null, "yes", chatId: "c1");

        await using var db = await store.Factory.CreateDbContextAsync();
        Assert.False(await db.ResidentProfiles.AnyAsync());
        var reach = await db.ReachLog.SingleAsync();
        Assert.Null(reach.HouseholdId);
        Assert.Null(reach.DeclaredCategory);
        Assert.Equal("health_insurance", reach.Topic); // still an anonymous count
        Assert.False(await db.Inbox.AnyAsync(i => i.Text != null));
    }

    /// <summary>Menu → Đăng ký nhận tin → yes, yes → Hải An → nghèo → BHYT only → (link by code + head's name, or not).</summary>
    private async Task<IReadOnlyList<DeliveredReply>> RegisterAsync(string chatId, string? code, string? head)
    {
        await store.TurnAsync(null, isStart: true, chatId: chatId);
        foreach (var (text, payload) in new (string?, string?)[] { (null, "dang-ky"), (null, "yes"), ("có", null), ("hai an", null), (null, "ngheo"), (null, "health_insurance"), (null, "no") })
        {
            await store.TurnAsync(text, payload, chatId: chatId);
        }

        if (code is null)
        {
            return await store.TurnAsync(null, "no", chatId: chatId);
        }

        await store.TurnAsync(null, "yes", chatId: chatId);
        await store.TurnAsync(code, chatId: chatId);
        return await store.TurnAsync(head, chatId: chatId);
    }

    private async Task ImportAsync(params string[] rows)
    {
        var parsed = rows.Select((r, i) => r.Split(',')).Select((c, i) => new HouseholdRow(i + 2, c[0], c[1], c[2], c[3], c[4], null)).ToList();
        var importer = new HouseholdImporter(store.Factory, gate, EngineHarness.Repo.Content, store.Time);
        var report = await importer.ImportAsync(parsed, new ImportRequest(2022, "ds.csv", null, false, new AuditEntry("t", "t", AuditActions.HouseholdsImported)), CancellationToken.None);
        Assert.True(report.Applied);
    }

    private static string Text(IReadOnlyList<DeliveredReply> replies) => string.Join("\n", replies.Select(r => r.Text));

    public void Dispose()
    {
        gate.Dispose();
        store.Dispose();
    }
}
