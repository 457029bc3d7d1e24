using System.Globalization;
using System.Net;
using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Storage.Zns;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Zalo;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Zalo;

/// <summary>
/// Issue 18's template mapping, through the console over HTTP: an officer adds a Zalo-approved ZNS template (its
/// parameter names come from the fake Zalo's template information), maps each parameter to an announcement field, and
/// an announcement to a resident who wrote months ago goes by ZNS with exactly those parameters filled. A template with
/// a parameter left unmapped is never offered on the compose page, and an announcement is never sent by it.
/// </summary>
public sealed class ZnsTemplateMappingTests : HostTestBase
{
    private const string ZnsPage = "/admin/zns";
    private const string Compose = "/admin/broadcasts/new";
    private const string Mapped = "tb-hop-dan";
    private const string HalfMapped = "tb-chua-gan-du";
    private const string Silent = "1000000000000000004";

    /// <summary>ZNS on, promotion off (the silent resident goes by ZNS or not at all), no template added yet.</summary>
    private static async Task<ZaloBed> StartAsync(TempDirectory folder)
    {
        var zalo = await FakeZaloApi.StartAsync();
        var time = ZaloBed.NewClock();
        zalo.Clock = time;
        zalo.EnforceWindow = true;
        zalo.AddTemplate(Mapped, "noi_dung", "ngay", "don_vi");
        zalo.AddTemplate(HalfMapped, "noi_dung", "ma_ho");
        var settings = ZaloRoutesBed.RouteSettings(zalo);
        settings["InfoBot:Zalo:Routes:Promotion"] = "false";
        return await ZaloBed.StartAsync(folder, zalo, time, settings);
    }

    private static async Task<ConsoleClient> OfficerAsync(ZaloBed bed, string email = "huyen@haihau.test", string role = ConsoleRoles.Officer, string? commune = null)
    {
        await ConsoleClient.CreateAccountAsync(bed.App, email, role, commune);
        return await ConsoleClient.SignedInAsync(bed.App, email);
    }

    private static async Task<string> AddAsync(ConsoleClient officer, string templateId) =>
        await (await officer.PostFormAsync($"{ZnsPage}?handler=Add", new Dictionary<string, string> { ["TemplateId"] = templateId })).Content.ReadAsStringAsync();

    private static async Task<string> MapAsync(ConsoleClient officer, string templateId, params (string Name, string Field, string? Fixed)[] mapping)
    {
        var form = new Dictionary<string, string> { ["TemplateId"] = templateId };
        foreach (var (name, field, words) in mapping)
        {
            form[$"Fields[{name}]"] = field;
            form[$"FixedTexts[{name}]"] = words ?? "";
        }

        return await (await officer.PostFormAsync($"{ZnsPage}?handler=Save", form)).Content.ReadAsStringAsync();
    }

    private static Dictionary<string, string> Announcement(string text, string? template = null)
    {
        var form = new Dictionary<string, string> { ["Text"] = text, ["Communes"] = "hai-thinh", ["When"] = "now" };
        if (template is not null)
        {
            form["ZnsTemplate"] = template;
        }

        return form;
    }

    [Fact]
    public async Task A_template_mapped_on_the_console_sends_its_parameters_filled_from_the_announcement()
    {
        await using var bed = await StartAsync(Folder);
        await ZaloRoutesBed.ResidentAsync(bed, Silent, daysAgo: 120, znsPhone: "0912 345 678");
        var officer = await OfficerAsync(bed);

        var added = await AddAsync(officer, Mapped);
        Assert.Contains($"id=\"unusable-{Mapped}\"", added, StringComparison.Ordinal); // names from Zalo, none mapped yet
        Assert.Contains("noi_dung, ngay, don_vi", added, StringComparison.Ordinal);
        var saved = await MapAsync(officer, Mapped, ("noi_dung", ZnsFields.Text, null), ("ngay", ZnsFields.Date, null), ("don_vi", ZnsFields.Fixed, "UBND xã Hải Thịnh"));
        Assert.Contains($"id=\"usable-{Mapped}\"", saved, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{Mapped}\"", await officer.PageAsync(Compose), StringComparison.Ordinal);

        var text = "Họp dân bình xét hộ nghèo năm 2027 lúc 8 giờ sáng Chủ nhật";
        var sends = bed.ExpectSends(1);
        var sent = await officer.PostFormAsync($"{Compose}?handler=Send", Announcement(text, Mapped), tokenFrom: Compose);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await sends;

        var zns = Assert.Single(bed.Zalo.ZnsSent);
        Assert.Equal(("84912345678", Mapped), (zns.Phone, zns.TemplateId));
        var today = TimeZoneInfo.ConvertTime(bed.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).ToString("d/M/yyyy", CultureInfo.InvariantCulture);
        Assert.Equal(
            new Dictionary<string, string> { ["noi_dung"] = text, ["ngay"] = today, ["don_vi"] = "UBND xã Hải Thịnh" },
            zns.Data.OrderBy(d => d.Key, StringComparer.Ordinal).ToDictionary());
        Assert.Equal(Mapped, Assert.Single(await ZaloRoutesBed.BroadcastsAsync(bed)).ZnsTemplateId);
    }

    [Fact]
    public async Task A_template_with_an_unmapped_parameter_is_never_offered_and_never_sent()
    {
        await using var bed = await StartAsync(Folder);
        await ZaloRoutesBed.ResidentAsync(bed, Silent, daysAgo: 120, znsPhone: "0912 345 678");
        var officer = await OfficerAsync(bed);
        await AddAsync(officer, HalfMapped);
        var saved = await MapAsync(officer, HalfMapped, ("noi_dung", ZnsFields.Text, null), ("ma_ho", "", null));
        Assert.Contains($"id=\"unusable-{HalfMapped}\"", saved, StringComparison.Ordinal);
        Assert.Contains("ma_ho", saved, StringComparison.Ordinal);

        var compose = await officer.PageAsync(Compose);
        Assert.DoesNotContain($"value=\"{HalfMapped}\"", compose, StringComparison.Ordinal);
        Assert.Contains("id=\"zns-none\"", compose, StringComparison.Ordinal);

        // Named anyway (a stale form): refused, nothing can be sent.
        var named = await (await officer.PostFormAsync($"{Compose}?handler=Preview", Announcement("Họp dân", HalfMapped), tokenFrom: Compose)).Content.ReadAsStringAsync();
        Assert.Contains("chưa gán đủ tham số", named, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"send\"", named, StringComparison.Ordinal);

        // Sent without naming one: no ZNS for it. With no other route on, the silent resident is tried directly and
        // Zalo's window refusal stays a failure; no ZNS call is made at fan-out or as a fallback.
        var preview = await (await officer.PostFormAsync($"{Compose}?handler=Preview", Announcement("Họp dân"), tokenFrom: Compose)).Content.ReadAsStringAsync();
        Assert.Matches(@"id=""route-ZaloZns"">[^<]*<td>[^<]*</td><td>0</td>", preview);
        var sends = bed.ExpectSends(1);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"{Compose}?handler=Send", Announcement("Họp dân"), tokenFrom: Compose)).StatusCode);
        var settled = Assert.Single(await sends);

        Assert.Equal(ZaloErrors.WindowFailure, Assert.IsType<SendResult.Failed>(settled.Result).Error);
        var broadcast = Assert.Single(await ZaloRoutesBed.BroadcastsAsync(bed));
        Assert.Null(broadcast.ZnsTemplateId);
        Assert.Equal(0, (await ZaloRoutesBed.RoutesAsync(bed, broadcast.Id)).Delivered[BroadcastRoute.ZaloZns]);
        Assert.Equal(0, bed.Zalo.ZnsCalls);
    }

    [Fact]
    public async Task Only_officers_change_mappings_with_the_form_token_and_an_unknown_template_is_refused_in_words()
    {
        await using var bed = await StartAsync(Folder);
        var officer = await OfficerAsync(bed);
        var staff = await OfficerAsync(bed, "tt@haihau.test", ConsoleRoles.CommunicationStaff);
        var commune = await OfficerAsync(bed, "xa@haihau.test", ConsoleRoles.Officer, "hai-thinh");

        var unknown = await AddAsync(officer, "khong-co");
        Assert.Contains("Zalo không tìm thấy mẫu «khong-co»", unknown, StringComparison.Ordinal);

        using var noToken = new FormUrlEncodedContent(new Dictionary<string, string> { ["TemplateId"] = Mapped });
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.Http.PostAsync($"{ZnsPage}?handler=Add", noToken)).StatusCode);

        var denied = await staff.Http.GetAsync(ZnsPage);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/admin/access-denied", denied.Headers.Location?.ToString(), StringComparison.Ordinal);

        var communePage = await commune.PageAsync(ZnsPage); // reads; the OA's templates are changed district-wide
        Assert.DoesNotContain("id=\"add-template\"", communePage, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await commune.PostFormAsync($"{ZnsPage}?handler=Add", new Dictionary<string, string> { ["TemplateId"] = Mapped })).StatusCode);

        Assert.Empty(await bed.App.Services.GetRequiredService<ZnsTemplateStore>().AllAsync(CancellationToken.None));
    }
}
