using System.Net;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Register;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.OfficerConsole;

/// <summary>Console defects staff met (issue 13 §6), each as the staff member would notice it.</summary>
public sealed class ConsoleDefectTests : HostTestBase
{
    [Fact]
    public async Task The_header_logout_signs_out_and_the_session_no_longer_opens_pages()
    {
        await using var app = NewApp();
        await ConsoleClient.CreateAccountAsync(app, "tt@haihau.test", ConsoleRoles.CommunicationStaff);
        var staff = await ConsoleClient.SignedInAsync(app, "tt@haihau.test");

        // The token comes from the header form of an ordinary page, as the browser posts it.
        var logout = await staff.PostFormAsync("/admin/logout", new Dictionary<string, string>(), tokenFrom: "/admin/reach");
        var after = await staff.Http.GetAsync("/admin/reach");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(ConsoleSetup.LoginPath, logout.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost" + ConsoleSetup.LoginPath, after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_console_address_says_so_in_words_with_a_way_back()
    {
        await using var app = NewApp();
        await ConsoleClient.CreateAccountAsync(app, "tt@haihau.test", ConsoleRoles.CommunicationStaff);
        var staff = await ConsoleClient.SignedInAsync(app, "tt@haihau.test");

        var response = await staff.Http.GetAsync("/admin/bao-cao-khong-co");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không có trang nào ở địa chỉ này", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_report_tables_say_there_is_nothing()
    {
        await using var app = NewApp();
        await ConsoleClient.CreateAccountAsync(app, "tt@haihau.test", ConsoleRoles.CommunicationStaff);
        var page = await (await ConsoleClient.SignedInAsync(app, "tt@haihau.test")).PageAsync("/admin/reach?from=2022-01-01&to=2022-12-31");

        Assert.Contains("Không có người tự khai nào trong kỳ này.", page, StringComparison.Ordinal);
        Assert.Contains("Chưa có hộ nào trong danh sách được tiếp cận trong kỳ này.", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HA26032")]
    [InlineData("ha 26 032")]
    [InlineData("Ha-26-032")]
    public async Task A_household_code_typed_without_hyphens_or_with_spaces_links_in_the_chat(string typed)
    {
        using var store = new StoreHarness();
        using var gate = new SqliteWriteGate();
        var importer = new HouseholdImporter(store.Factory, gate, EngineHarness.Repo.Content, store.Time);
        var import = await importer.ImportAsync([new HouseholdRow(2, "HA-26-032", "Hải An", "Xóm 1", "nghèo", "Nguyễn Văn An", null)],
            new ImportRequest(2022, "ds.csv", null, false, new AuditEntry("t", "t", AuditActions.HouseholdsImported)), CancellationToken.None);
        Assert.True(import.Applied);

        await store.TurnAsync(null, isStart: true);
        foreach (var (text, payload) in new (string?, string?)[] { (null, "dang-ky"), (null, "yes"), ("có", null), ("hai an", null), (null, "ngheo"), (null, "health_insurance"), (null, "no"), (null, "yes"), (typed, null) })
        {
            await store.TurnAsync(text, payload);
        }

        var linked = string.Join("\n", (await store.TurnAsync("Nguyễn Văn An")).Select(r => r.Text));

        Assert.DoesNotContain("Cháu chưa tìm thấy hộ", linked, StringComparison.Ordinal);
        await using var db = await store.Factory.CreateDbContextAsync();
        Assert.NotNull((await db.ResidentProfiles.SingleAsync()).HouseholdId);
    }

    [Fact]
    public async Task A_cli_listings_import_is_audited_and_the_audit_log_reads_in_words()
    {
        var run = await Cli.ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["import", "jobs", Path.Combine(RepoPaths.Content, "samples", "jobs.csv"), "--accept-valid"]);
        Assert.True(run.Code == 0, run.Error);
        await using var app = NewApp();
        await ConsoleClient.CreateAccountAsync(app, "admin@haihau.test", ConsoleRoles.Admin);

        var page = await (await ConsoleClient.SignedInAsync(app, "admin@haihau.test")).PageAsync("/admin/audit");

        Assert.Contains("Nhập tin việc làm, khóa học", page, StringComparison.Ordinal);
        Assert.Contains("Tệp nhập jobs.csv", page, StringComparison.Ordinal);
        foreach (var action in typeof(AuditActions).GetFields().Select(f => (string)f.GetValue(null)!))
        {
            Assert.NotEqual(action, HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin.AuditModel.ActionLabel(action)); // no raw code on the page
            Assert.DoesNotContain(action, page, StringComparison.Ordinal);
        }
    }
}
