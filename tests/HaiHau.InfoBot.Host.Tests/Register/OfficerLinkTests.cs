using System.Text.Json;
using System.Text.RegularExpressions;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.Cli;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Register;

/// <summary>
/// Assisted registration: a resident registers on the web chat without linking, reads their «DK…» code to an officer,
/// the officer links it to a household of the list from the console; the resident's reading then counts for it.
/// </summary>
public sealed partial class OfficerLinkTests : HostTestBase
{
    private const string Year = "from=2022-01-01&to=2022-12-31";

    [Fact]
    public async Task An_officer_links_a_residents_registration_code_and_the_household_then_counts_as_reached()
    {
        await ImportSampleAsync();
        await using var app = NewApp();
        await ConsoleClient.CreateAccountAsync(app, "hai-an@haihau.test", ConsoleRoles.Officer, "hai-an");
        await ConsoleClient.CreateAccountAsync(app, "admin@haihau.test", ConsoleRoles.Admin);
        var officer = await ConsoleClient.SignedInAsync(app, "hai-an@haihau.test");
        var chat = new WebChatClient(app.CreateClient());
        var (id, code) = await RegisterWithoutLinkAsync(chat);

        var page = await LinkAsync(officer, code, "ha-002");
        await ReadHealthInsuranceAsync(chat, id);
        using var report = JsonDocument.Parse(await officer.Http.GetStringAsync("/api/admin/reports/reach?" + Year));
        var audit = await (await ConsoleClient.SignedInAsync(app, "admin@haihau.test")).PageAsync("/admin/audit");

        Assert.Contains($"Đã liên kết {code} với hộ HA-002 (Xã Hải An).", page, StringComparison.Ordinal);
        var haiAn = report.RootElement.GetProperty("communes")[0];
        Assert.Equal(("hai-an", 1), (haiAn.GetProperty("commune").GetString(), haiAn.GetProperty("reachedNearPoor").GetInt32()));
        Assert.Contains("Liên kết người dân với hộ", audit, StringComparison.Ordinal);
        Assert.Contains($"{code} → hộ HA-002", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commune_officer_cannot_link_to_another_communes_household_nor_an_unknown_code()
    {
        await ImportSampleAsync();
        await using var app = NewApp();
        await ConsoleClient.CreateAccountAsync(app, "hai-an@haihau.test", ConsoleRoles.Officer, "hai-an");
        var officer = await ConsoleClient.SignedInAsync(app, "hai-an@haihau.test");
        var (_, code) = await RegisterWithoutLinkAsync(new WebChatClient(app.CreateClient()));

        var elsewhere = await LinkAsync(officer, code, "HH-001");
        var unknown = await LinkAsync(officer, "DK999", "HA-001");
        using var report = JsonDocument.Parse(await officer.Http.GetStringAsync("/api/admin/reports/reach?" + Year));

        Assert.Contains("Hộ «HH-001» thuộc Xã Hải Hưng, ngoài phạm vi tài khoản (Xã Hải An).", elsewhere, StringComparison.Ordinal);
        Assert.Contains("Không có đăng ký nào mang mã DK999.", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã liên kết", elsewhere + unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commune_officer_cannot_link_a_resident_registered_in_another_commune_nor_sees_them_waiting()
    {
        await ImportSampleAsync();
        await using var app = NewApp();
        await ConsoleClient.CreateAccountAsync(app, "hai-hung@haihau.test", ConsoleRoles.Officer, "hai-hung");
        await ConsoleClient.CreateAccountAsync(app, "hai-an@haihau.test", ConsoleRoles.Officer, "hai-an");
        var haiHung = await ConsoleClient.SignedInAsync(app, "hai-hung@haihau.test");
        var haiAn = await ConsoleClient.SignedInAsync(app, "hai-an@haihau.test");
        var (_, code) = await RegisterWithoutLinkAsync(new WebChatClient(app.CreateClient())); // registered in Hải An

        var waitingHaiHung = await haiHung.PageAsync("/admin/residents");
        var waitingHaiAn = await haiAn.PageAsync("/admin/residents");
        var refused = await LinkAsync(haiHung, code, "HH-001"); // a household of Hải Hưng, the officer's own commune
        var linked = await LinkAsync(haiAn, code, "HA-001");
        var waitingAfter = await haiAn.PageAsync("/admin/residents");

        Assert.Contains($"Người dân có mã {code} đăng ký ở Xã Hải An, ngoài phạm vi tài khoản (Xã Hải Hưng).", refused, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-code=\"{code}\"", waitingHaiHung, StringComparison.Ordinal);
        Assert.Contains("Chưa có đăng ký nào đang chờ liên kết.", waitingHaiHung, StringComparison.Ordinal);
        Assert.Contains($"data-code=\"{code}\"", waitingHaiAn, StringComparison.Ordinal);
        Assert.Contains($"Đã liên kết {code} với hộ HA-001", linked, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-code=\"{code}\"", waitingAfter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relink_shows_the_earlier_household_and_replaces_it_only_when_confirmed()
    {
        await ImportSampleAsync();
        await using var app = NewApp();
        await ConsoleClient.CreateAccountAsync(app, "huyen@haihau.test", ConsoleRoles.Officer);
        await ConsoleClient.CreateAccountAsync(app, "admin@haihau.test", ConsoleRoles.Admin);
        var officer = await ConsoleClient.SignedInAsync(app, "huyen@haihau.test");
        var (_, code) = await RegisterWithoutLinkAsync(new WebChatClient(app.CreateClient()));
        await LinkAsync(officer, code, "HA-002");

        var asked = await LinkAsync(officer, code, "HA-001");
        var stillEarlier = await LinkedHouseholdAsync(app);
        var confirmed = await LinkAsync(officer, code, "HA-001", replace: true);
        var audit = await (await ConsoleClient.SignedInAsync(app, "admin@haihau.test")).PageAsync("/admin/audit");

        Assert.Contains("id=\"confirm-relink\"", asked, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"earlier-household\">HA-002</strong>", asked, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã liên kết", asked, StringComparison.Ordinal);
        Assert.Equal("HA-002", stillEarlier);
        Assert.Contains($"Đã liên kết {code} với hộ HA-001", confirmed, StringComparison.Ordinal);
        Assert.Equal("HA-001", await LinkedHouseholdAsync(app));
        Assert.Contains($"{code} → hộ HA-001 (Xã Hải An), thay hộ HA-002", audit, StringComparison.Ordinal);
    }

    private static async Task<string?> LinkedHouseholdAsync(InfoBotApp app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        return await db.ResidentProfiles.Where(p => p.HouseholdId != null).Select(p => p.Household!.Code).SingleOrDefaultAsync();
    }

    private async Task ImportSampleAsync()
    {
        var result = await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["import", "households", Path.Combine(RepoPaths.Content, "samples", "danh-sach-ho-vi-du-2022.csv"), "--year", "2022"]);
        Assert.True(result.Code == 0, result.Error);
    }

    /// <summary>Menu → Đăng ký nhận tin → yes, yes → Hải An → cận nghèo → BHYT → no link; then the view shows the code.</summary>
    private static async Task<(string Id, string Code)> RegisterWithoutLinkAsync(WebChatClient chat)
    {
        var id = (await chat.StartAsync()).ConversationId;
        foreach (var (text, choice) in new (string?, string?)[] { (null, "dang-ky"), (null, "yes"), ("có", null), ("hai an", null), (null, "can-ngheo"), (null, "health_insurance"), (null, "no"), (null, "no") })
        {
            await chat.SendAsync(id, text, choice);
        }

        await chat.SendAsync(id, choice: "chu-de-khac");
        var view = (await chat.SendAsync(id, choice: "dang-ky")).AllText;
        await chat.SendAsync(id, choice: "giu");
        var code = CodePattern().Match(view);
        Assert.True(code.Success, view);
        return (id, code.Value);
    }

    private static async Task ReadHealthInsuranceAsync(WebChatClient chat, string id)
    {
        await chat.SendAsync(id, choice: "chu-de-khac");
        await chat.SendAsync(id, choice: "bhyt");
        var article = await chat.SendAsync(id, choice: "can-ngheo");
        Assert.Contains("BẢO HIỂM Y TẾ", article.AllText, StringComparison.Ordinal);
    }

    private static async Task<string> LinkAsync(ConsoleClient officer, string registration, string household, bool replace = false)
    {
        var fields = new Dictionary<string, string> { ["registration"] = registration, ["household"] = household };
        if (replace)
        {
            fields["replace"] = "true";
        }

        var response = await officer.PostFormAsync("/admin/residents", fields);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex(@"DK\d+")]
    private static partial Regex CodePattern();
}
