using System.Net;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Reach;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Register;
using HaiHau.InfoBot.Storage.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace HaiHau.InfoBot.Host.Tests.OfficerConsole;

/// <summary>
/// A commune officer follows up the year's households on a phone (issue 13 §5): which are linked, which were reached
/// in the period, and a file of those not yet reached to visit, with every cell safe to open in a spreadsheet.
/// </summary>
public sealed class HouseholdFollowUpTests : HostTestBase
{
    private const string Period = "year=2022&from=2022-01-01&to=2022-12-31";

    [Fact]
    public async Task The_filters_show_a_communes_households_by_linked_and_reached_and_never_another_communes()
    {
        await using var app = NewApp();
        await SeedAsync(app);
        await ConsoleClient.CreateAccountAsync(app, "hai-an@haihau.test", ConsoleRoles.Officer, "hai-an");
        var officer = await ConsoleClient.SignedInAsync(app, "hai-an@haihau.test");

        var all = await officer.PageAsync("/admin/households/list?" + Period);
        var notReached = await officer.PageAsync("/admin/households/list?" + Period + "&reached=no");
        var linked = await officer.PageAsync("/admin/households/list?" + Period + "&linked=yes");
        var laterPeriod = await officer.PageAsync("/admin/households/list?year=2022&from=2023-01-01&to=2023-12-31&reached=yes");

        Assert.Equal(["HA-001", "HA-002", "HA-003"], Codes(all));
        Assert.Equal(["HA-002", "HA-003"], Codes(notReached));
        Assert.Equal(["HA-001"], Codes(linked));
        Assert.Contains("Đã liên kết (1 người)", linked, StringComparison.Ordinal);
        Assert.Empty(Codes(laterPeriod));
        Assert.Contains("Chưa có hộ nào khớp bộ lọc.", laterPeriod, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_lists_the_households_not_yet_reached_with_safe_cells_and_is_audited()
    {
        await using var app = NewApp();
        await SeedAsync(app);
        await ConsoleClient.CreateAccountAsync(app, "hai-an@haihau.test", ConsoleRoles.Officer, "hai-an");
        await ConsoleClient.CreateAccountAsync(app, "admin@haihau.test", ConsoleRoles.Admin);
        var officer = await ConsoleClient.SignedInAsync(app, "hai-an@haihau.test");

        var csvResponse = await officer.Http.GetAsync("/admin/households/list?handler=Export&format=csv&" + Period + "&xa=hai-hung");
        var csv = await csvResponse.Content.ReadAsStringAsync();
        var xlsx = await officer.Http.GetByteArrayAsync("/admin/households/list?handler=Export&format=xlsx&" + Period);
        var sheet = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var audit = await (await ConsoleClient.SignedInAsync(app, "admin@haihau.test")).PageAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.StartsWith("Mã hộ,Xã,Thôn, xóm", csv.TrimStart('\uFEFF').Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("HA-002", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("HA-001", csv, StringComparison.Ordinal); // reached
        Assert.DoesNotContain("HH-001", csv, StringComparison.Ordinal); // another commune, whatever the address asks
        Assert.Contains("'=HYPERLINK(\"\"http://x\"\")", csv, StringComparison.Ordinal); // neutralised, not evaluated
        Assert.Equal(["HA-002", "HA-003"], sheet.Select(r => (string)r["Mã hộ"]!).ToList());
        Assert.StartsWith("'=", (string)sheet.Single(r => (string)r["Mã hộ"]! == "HA-003")["Chủ hộ"]!, StringComparison.Ordinal);
        Assert.Equal(0d, Convert.ToDouble(sheet[0]["Người dân đã liên kết"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("hộ chưa tiếp cận 2022-01-01..2022-12-31 csv", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_households_not_yet_reached_are_exactly_those_the_reach_report_counts_as_not_reached_before_and_after_an_erasure()
    {
        await using var app = NewApp();
        await SeedAsync(app);
        var followUp = app.Services.GetRequiredService<HouseholdFollowUp>();
        var report = app.Services.GetRequiredService<ReachReport>();
        var (from, to) = (new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31));
        async Task<(int Report, int List)> NotReachedAsync(string commune) =>
            ((await report.RunAsync(new ReachQuery(from, to, 2022, commune), [commune], CancellationToken.None)).Communes.Single().Households
                - (await report.RunAsync(new ReachQuery(from, to, 2022, commune), [commune], CancellationToken.None)).Communes.Single().Reached,
             (await followUp.ListAsync(new FollowUpQuery(2022, from, to, commune, null, false), CancellationToken.None)).Count);

        Assert.Equal((2, 2), await NotReachedAsync("hai-an"));
        Assert.Equal((0, 0), await NotReachedAsync("hai-hung"));

        // «Xóa dữ liệu của tôi» clears the household from the resident's reach rows: neither count keeps it reached.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync())
        {
            await db.ReachLog.ExecuteUpdateAsync(r => r.SetProperty(x => x.HouseholdId, (long?)null));
        }

        Assert.Equal((3, 3), await NotReachedAsync("hai-an"));
        Assert.Equal((1, 1), await NotReachedAsync("hai-hung"));
    }

    private static List<string> Codes(string page) =>
        System.Text.RegularExpressions.Regex.Matches(page, "<tr data-code=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

    /// <summary>Hải An: HA-001 (linked, reached 1/3/2022), HA-002, HA-003 (a head name that looks like a formula); Hải Hưng: HH-001.</summary>
    private static async Task SeedAsync(InfoBotApp app)
    {
        var import = await app.Services.GetRequiredService<HouseholdImporter>().ImportAsync(
        [
            new HouseholdRow(2, "HA-001", "Hải An", "Xóm 1", "nghèo", "Nguyễn Văn An", null),
            new HouseholdRow(3, "HA-002", "Hải An", "Xóm 2", "cận nghèo", "Trần Thị Bình", null),
            new HouseholdRow(4, "HA-003", "Hải An", "Xóm 2", "nghèo", "=HYPERLINK(\"http://x\")", null),
            new HouseholdRow(5, "HH-001", "Hải Hưng", "Xóm 1", "nghèo", "Lê Văn Cường", null),
        ], new ImportRequest(2022, "ds.csv", null, false, new AuditEntry("t", "t", AuditActions.HouseholdsImported)), CancellationToken.None);
        Assert.True(import.Applied, string.Join(" ", import.Rejected.Select(r => r.Reason)));

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        var ha001 = await db.Households.SingleAsync(h => h.Code == "HA-001");
        var hh001 = await db.Households.SingleAsync(h => h.Code == "HH-001");
        var conversation = new ConversationRecord { Channel = "web", ChatId = "w1", UserId = "w1" };
        db.ResidentProfiles.Add(new ResidentProfileRecord { Conversation = conversation, Channel = "web", ConsentStatistics = true, CommuneCode = "hai-an", HouseholdId = ha001.Id });
        foreach (var household in new[] { ha001.Id, hh001.Id })
        {
            db.ReachLog.Add(new ReachRecord { Conversation = conversation, Channel = "web", Kind = ReachKinds.Article, Day = 20220301, HouseholdId = household, CommuneCode = "hai-an" });
        }

        await db.SaveChangesAsync();
    }
}
