using System.Net;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Broadcasts;

/// <summary>The announcement pages over HTTP: the count before sending, a commune officer's limits, scheduling, approval, anti-forgery, audit.</summary>
public sealed class BroadcastPagesTests : HostTestBase
{
    private const string Compose = "/admin/broadcasts/new";

    /// <summary>1,001 consenting residents in Hải Thịnh (one in three near-poor), 5 in Hải Hậu, and one in Hải Thịnh who stopped (the 8 communes since 1/7/2025).</summary>
    private static async Task SeedAsync(InfoBotApp app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        ResidentProfileRecord Profile(string chat, string commune, string category, bool consent = true) => new()
        {
            Conversation = new ConversationRecord { Channel = "telegram", ChatId = chat, UserId = chat },
            Channel = "telegram", ConsentAnnouncements = consent, CommuneCode = commune, DeclaredCategory = category,
        };
        // c0 registered before 1/7/2025 and named Hải Châu, now part of xã Hải Thịnh: counted under today's commune.
        db.ResidentProfiles.AddRange(Enumerable.Range(0, 1001).Select(i => Profile($"c{i}", i == 0 ? "hai-chau" : "hai-thinh", i % 3 == 0 ? "can-ngheo" : "ngheo")));
        db.ResidentProfiles.AddRange(Enumerable.Range(0, 5).Select(i => Profile($"n{i}", "hai-hau", "can-ngheo")));
        db.ResidentProfiles.Add(Profile("stopped", "hai-thinh", "ngheo", consent: false));
        await db.SaveChangesAsync();
    }

    private static async Task<ConsoleClient> AccountAsync(InfoBotApp app, string email, string role, string? commune = null)
    {
        await ConsoleClient.CreateAccountAsync(app, email, role, commune);
        return await ConsoleClient.SignedInAsync(app, email);
    }

    private static Task<HttpResponseMessage> PostAsync(ConsoleClient client, string handler, IDictionary<string, string> fields) =>
        client.PostFormAsync($"{Compose}?handler={handler}", fields, tokenFrom: Compose);

    private static async Task<List<BroadcastRecord>> BroadcastsAsync(InfoBotApp app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        return await db.Broadcasts.AsNoTracking().OrderBy(b => b.Id).ToListAsync();
    }

    [Fact]
    public async Task The_preview_shows_the_audience_count_the_Vietnamese_way_and_warns_when_Zalo_will_split_the_text()
    {
        await using var app = NewApp();
        await SeedAsync(app);
        var officer = await AccountAsync(app, "huyen@haihau.test", ConsoleRoles.Officer);

        var response = await PostAsync(officer, "Preview", new Dictionary<string, string> { ["Text"] = new string('a', 2500), ["Communes"] = "hai-thinh" });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Số người sẽ nhận: <strong>1.001</strong>", page, StringComparison.Ordinal); // the one who stopped is not counted
        Assert.Contains("Gửi cho 1.001 người", page, StringComparison.Ordinal);
        Assert.Contains("giới hạn 2.000 ký tự mỗi tin", page, StringComparison.Ordinal);
        Assert.Contains("giới hạn 4.096 ký tự mỗi tin", page, StringComparison.Ordinal);
        Assert.Contains("sẽ chia thành 2 tin", page, StringComparison.Ordinal); // Zalo only: Telegram takes 2,500 in one
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "split-warning"));
        Assert.Empty(await BroadcastsAsync(app)); // a preview sends nothing
    }

    [Fact]
    public async Task Topics_are_named_as_the_topic_registry_names_them_on_the_form_and_in_the_list()
    {
        await using var app = NewApp();
        await SeedAsync(app);
        var officer = await AccountAsync(app, "huyen@haihau.test", ConsoleRoles.Officer);
        var registry = app.Services.GetRequiredService<Core.Understanding.IQuestionUnderstanding>();

        var form = await officer.PageAsync(Compose);
        foreach (var topic in app.Services.GetRequiredService<ResidentAudience>().AnnouncementTopics)
        {
            var label = registry.Settings(topic)?.Label; // content/understanding/topics.yaml, the labels every other page shows
            Assert.False(string.IsNullOrEmpty(label), topic);
            Assert.Contains($"value=\"{topic}\"> {label}</label>", form, StringComparison.Ordinal);
        }

        var sent = await PostAsync(officer, "Send", new Dictionary<string, string> { ["Text"] = "Họp thôn", ["Topics"] = "other_support" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("quan tâm: " + registry.Settings("other_support")!.Label, await officer.PageAsync("/admin/broadcasts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commune_officer_cannot_target_another_commune_and_their_announcement_is_limited_to_their_own()
    {
        await using var app = NewApp();
        await SeedAsync(app);
        var officer = await AccountAsync(app, "haithinh@haihau.test", ConsoleRoles.Officer, "hai-thinh");

        var refused = await (await PostAsync(officer, "Send", new Dictionary<string, string> { ["Text"] = "Họp thôn", ["Communes"] = "hai-hau" })).Content.ReadAsStringAsync();
        Assert.Contains("chỉ gửi được thông báo cho xã của mình", refused, StringComparison.Ordinal);
        Assert.Empty(await BroadcastsAsync(app));

        var preview = await (await PostAsync(officer, "Preview", new Dictionary<string, string> { ["Text"] = "Họp thôn", ["Categories"] = "can-ngheo" })).Content.ReadAsStringAsync();
        Assert.Contains("Số người sẽ nhận: <strong>334</strong>", preview, StringComparison.Ordinal); // Hải Thịnh's near-poor only, not Hải Hậu's

        var sent = await PostAsync(officer, "Send", new Dictionary<string, string>
            { ["Text"] = "Họp thôn", ["Categories"] = "can-ngheo", ["When"] = "later", ["Date"] = "2022-09-16", ["Time"] = "07:30" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var broadcast = Assert.Single(await BroadcastsAsync(app));
        Assert.Equal(["hai-thinh"], BroadcastStore.SegmentOf(broadcast).Communes);
        Assert.Equal(new DateTimeOffset(2022, 9, 16, 0, 30, 0, TimeSpan.Zero), broadcast.ScheduledAt); // 07:30 in Vietnam, stored as UTC
        Assert.Equal(BroadcastState.Scheduled, broadcast.State);

        var list = await officer.PageAsync("/admin/broadcasts");
        Assert.Contains("07:30 16/9/2022", list, StringComparison.Ordinal);
        Assert.Contains("Đã hẹn giờ", list, StringComparison.Ordinal);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditActions.BroadcastCreated && a.Actor == "haithinh@haihau.test" && a.Commune == "hai-thinh"));
    }

    [Fact]
    public async Task A_commune_officer_neither_sees_nor_cancels_another_communes_announcement()
    {
        await using var app = NewApp();
        var district = await AccountAsync(app, "huyen@haihau.test", ConsoleRoles.Officer);
        var haiThinh = await AccountAsync(app, "haithinh@haihau.test", ConsoleRoles.Officer, "hai-thinh");
        await PostAsync(district, "Send", new Dictionary<string, string>
            { ["Text"] = "Lịch họp Hải Hậu", ["Communes"] = "hai-hau", ["When"] = "later", ["Date"] = "2022-09-16", ["Time"] = "08:00" });
        var id = Assert.Single(await BroadcastsAsync(app)).Id;

        Assert.DoesNotContain("Lịch họp Hải Hậu", await haiThinh.PageAsync("/admin/broadcasts"), StringComparison.Ordinal);
        // A hand-made post (the list shows no button for it); the token comes from the compose form.
        var refused = await haiThinh.PostFormAsync("/admin/broadcasts?handler=Cancel", new Dictionary<string, string> { ["id"] = $"{id}" }, tokenFrom: Compose);
        Assert.Contains("Không tìm thấy thông báo", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(BroadcastState.Scheduled, Assert.Single(await BroadcastsAsync(app)).State);

        var cancelled = await district.PostFormAsync("/admin/broadcasts?handler=Cancel", new Dictionary<string, string> { ["id"] = $"{id}" }, tokenFrom: "/admin/broadcasts");
        Assert.Contains("Đã hủy thông báo", await cancelled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(BroadcastState.Cancelled, Assert.Single(await BroadcastsAsync(app)).State);
    }

    [Fact]
    public async Task Forms_without_the_anti_forgery_token_are_refused()
    {
        await using var app = NewApp();
        var officer = await AccountAsync(app, "huyen@haihau.test", ConsoleRoles.Officer);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Text"] = "Họp thôn" });
        var response = await officer.Http.PostAsync($"{Compose}?handler=Send", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await BroadcastsAsync(app));
    }

    [Fact]
    public async Task With_approval_required_a_district_wide_announcement_waits_for_a_second_account()
    {
        await using var app = NewApp(settings: new Dictionary<string, string?> { ["InfoBot:Broadcasts:RequireApprovalDistrictWide"] = "true" });
        var author = await AccountAsync(app, "huyen@haihau.test", ConsoleRoles.Officer);
        var admin = await AccountAsync(app, "quantri@haihau.test", ConsoleRoles.Admin);
        await PostAsync(author, "Send", new Dictionary<string, string>
            { ["Text"] = "Toàn huyện: lịch rà soát", ["When"] = "later", ["Date"] = "2022-09-20", ["Time"] = "08:00" });
        var id = Assert.Single(await BroadcastsAsync(app)).Id;
        Assert.Equal(BroadcastState.AwaitingApproval, Assert.Single(await BroadcastsAsync(app)).State);

        var self = await author.PostFormAsync("/admin/broadcasts?handler=Approve", new Dictionary<string, string> { ["id"] = $"{id}" }, tokenFrom: "/admin/broadcasts");
        Assert.Contains("khác với người soạn", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(BroadcastState.AwaitingApproval, Assert.Single(await BroadcastsAsync(app)).State);

        await admin.PostFormAsync("/admin/broadcasts?handler=Approve", new Dictionary<string, string> { ["id"] = $"{id}" }, tokenFrom: "/admin/broadcasts");
        var approved = Assert.Single(await BroadcastsAsync(app));
        Assert.Equal((BroadcastState.Scheduled, "quantri@haihau.test"), (approved.State, approved.ApprovedBy));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditActions.BroadcastApproved && a.Actor == "quantri@haihau.test"));
    }

    [Fact]
    public async Task Communication_staff_cannot_open_the_announcement_pages()
    {
        await using var app = NewApp();
        var staff = await AccountAsync(app, "truyenthong@haihau.test", ConsoleRoles.CommunicationStaff);

        var response = await staff.Http.GetAsync(Compose);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/access-denied", response.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
    }
}
