using System.Net;
using System.Text.Json;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.Cli;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.Reach;

/// <summary>The report as staff and officers fetch it: JSON and exports over HTTP, the verb, the page.</summary>
public sealed class ReachApiTests : HostTestBase
{
    [Fact]
    public async Task Staff_get_the_json_report_and_a_commune_officer_gets_only_their_commune()
    {
        await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["import", "households", Path.Combine(RepoPaths.Content, "samples", "danh-sach-ho-vi-du-2022.csv"), "--year", "2022"]);
        await using var app = NewApp();
        await ConsoleClient.CreateAccountAsync(app, "tt@haihau.test", ConsoleRoles.CommunicationStaff);
        await ConsoleClient.CreateAccountAsync(app, "hai-hung@haihau.test", ConsoleRoles.Officer, "hai-hung");
        var staff = await ConsoleClient.SignedInAsync(app, "tt@haihau.test");
        var officer = await ConsoleClient.SignedInAsync(app, "hai-hung@haihau.test");

        using var all = JsonDocument.Parse(await staff.Http.GetStringAsync("/api/admin/reports/reach?from=2022-01-01&to=2022-12-31"));
        using var mine = JsonDocument.Parse(await officer.Http.GetStringAsync("/api/admin/reports/reach?from=2022-01-01&to=2022-12-31"));
        var bad = await staff.Http.GetAsync("/api/admin/reports/reach?from=2022-13-01&to=2022-12-31");
        var page = await staff.PageAsync("/admin/reach?from=2022-01-01&to=2022-12-31");
        var officerPage = await officer.PageAsync("/admin/reach?from=2022-01-01&to=2022-12-31");

        Assert.Equal(8, all.RootElement.GetProperty("district").GetProperty("households").GetInt32());
        Assert.Equal(70, all.RootElement.GetProperty("targetPercent").GetDecimal());
        Assert.Equal(8, all.RootElement.GetProperty("communes").GetArrayLength());
        Assert.Equal(2, mine.RootElement.GetProperty("district").GetProperty("households").GetInt32());
        Assert.Equal("hai-hung", mine.RootElement.GetProperty("communes")[0].GetProperty("commune").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Chưa đạt", page, StringComparison.Ordinal);
        Assert.Contains("Định nghĩa:", page, StringComparison.Ordinal);
        Assert.Contains("<td>Tổng cộng Xã Hải Hưng</td>", officerPage, StringComparison.Ordinal); // their commune's total, not the whole area's
        Assert.DoesNotContain("Tổng cộng các xã", officerPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_and_xlsx_exports_download_and_are_audited()
    {
        await using var app = NewApp();
        await ConsoleClient.CreateAccountAsync(app, "tt@haihau.test", ConsoleRoles.CommunicationStaff);
        await ConsoleClient.CreateAccountAsync(app, "admin@haihau.test", ConsoleRoles.Admin);
        var staff = await ConsoleClient.SignedInAsync(app, "tt@haihau.test");

        var csv = await staff.Http.GetAsync("/api/admin/reports/reach?from=2022-01-01&to=2022-12-31&format=csv");
        var xlsx = await staff.Http.GetByteArrayAsync("/api/admin/reports/reach?from=2022-01-01&to=2022-12-31&format=xlsx");
        var audit = await (await ConsoleClient.SignedInAsync(app, "admin@haihau.test")).PageAsync("/admin/audit");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Định nghĩa:", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((byte)'P', xlsx[0]); // a zip: an XLSX
        var total = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, sheetName: "Ty le tiep can").Cast<IDictionary<string, object?>>().Last();
        Assert.IsType<double>(total["Tổng số hộ"]); // numeric cells: staff can sum and chart them
        Assert.Equal(70d, total["Chỉ tiêu (%)"]);
        Assert.Contains("Xuất báo cáo", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verb_prints_csv_and_json_and_writes_xlsx()
    {
        var csv = await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["report", "reach", "--from", "2022-01-01", "--to", "2022-12-31", "--format", "csv"]);
        var json = await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["report", "reach", "--from", "2022-01-01", "--to", "2022-12-31", "--format", "json"]);
        var file = Path.Combine(Folder.Path, "bao-cao.xlsx");
        var xlsx = await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["report", "reach", "--from", "2022-01-01", "--to", "2022-12-31", "--format", "xlsx", "--output", file]);

        Assert.True(csv.Code == 0, csv.Error);
        Assert.Contains("Tổng cộng các xã,0,0,0,0,0,0,,Chưa có danh sách", csv.Output, StringComparison.Ordinal);
        Assert.Contains("\"definition\": \"Định nghĩa:", json.Output, StringComparison.Ordinal);
        Assert.Equal(0, xlsx.Code);
        Assert.True(new FileInfo(file).Length > 0);
    }
}
