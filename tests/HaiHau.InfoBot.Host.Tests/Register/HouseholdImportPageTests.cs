using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.Cli;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.Register;

/// <summary>The import as an officer does it: on the page (multipart upload) and with the verb.</summary>
public sealed class HouseholdImportPageTests : HostTestBase
{
    [Fact]
    public async Task A_commune_officer_uploads_a_list_with_another_communes_row_and_sees_the_reason_and_nothing_imported()
    {
        await using var app = NewApp();
        await ConsoleClient.CreateAccountAsync(app, "hai-an@haihau.test", ConsoleRoles.Officer, "hai-an");
        var officer = await ConsoleClient.SignedInAsync(app, "hai-an@haihau.test");

        var page = await UploadAsync(officer, "Mã hộ,Xã,Phân loại,Chủ hộ\nHA-01,Hải An,nghèo,Nguyễn Văn A\nHH-01,Hải Hưng,nghèo,Đỗ Văn E", "ds.csv", acceptValid: false);

        Assert.Contains("<td class=\"num\">3</td><td>HH-01</td>", page, StringComparison.Ordinal);
        Assert.Contains("ngoài phạm vi tài khoản (Xã Hải An)", page, StringComparison.Ordinal);
        Assert.Contains("chưa nhập dòng nào", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Xã Hải Hưng", await officer.PageAsync("/admin/households?year=2022"), StringComparison.Ordinal); // only their commune's table
    }

    [Fact]
    public async Task A_commune_officer_cannot_move_another_communes_household_into_their_list_by_its_code()
    {
        await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["import", "households", Path.Combine(RepoPaths.Content, "samples", "danh-sach-ho-vi-du-2022.csv"), "--year", "2022"]);
        await using var app = NewApp();
        await ConsoleClient.CreateAccountAsync(app, "hai-an@haihau.test", ConsoleRoles.Officer, "hai-an");
        await ConsoleClient.CreateAccountAsync(app, "huyen@haihau.test", ConsoleRoles.Officer);
        var officer = await ConsoleClient.SignedInAsync(app, "hai-an@haihau.test");

        var page = await UploadAsync(officer, "Mã hộ,Xã,Phân loại,Chủ hộ\nHA-009,Hải An,nghèo,Nguyễn Văn A\nHH-001,Hải An,nghèo,Đỗ Văn Em", "ds.csv", acceptValid: true);
        var district = await (await ConsoleClient.SignedInAsync(app, "huyen@haihau.test")).PageAsync("/admin/households?year=2022");

        Assert.Contains("Mã hộ «HH-001» đã có trong danh sách của Xã Hải Hưng", page, StringComparison.Ordinal);
        Assert.Contains("thêm 1 hộ", page, StringComparison.Ordinal); // the valid row, as asked
        Assert.Matches("<td>Xã Hải Hưng</td><td class=\"num\">1</td><td class=\"num\">1</td>", district); // HH-001 still in Hải Hưng
    }

    [Fact]
    public async Task The_xlsx_template_downloads_and_imports_back()
    {
        await using var app = NewApp();
        await ConsoleClient.CreateAccountAsync(app, "huyen@haihau.test", ConsoleRoles.Officer);
        var officer = await ConsoleClient.SignedInAsync(app, "huyen@haihau.test");

        var template = await officer.Http.GetByteArrayAsync("/admin/households?handler=Template&format=xlsx");
        var page = await UploadAsync(officer, template, "mau.xlsx", acceptValid: false);

        Assert.Contains("Năm 2022: thêm 2 hộ", page, StringComparison.Ordinal);
        Assert.Contains("Xã Hải An", await officer.PageAsync("/admin/households?year=2022"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verb_imports_the_sample_list_then_a_second_run_changes_nothing()
    {
        var sample = Path.Combine(RepoPaths.Content, "samples", "danh-sach-ho-vi-du-2022.csv");

        var first = await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["import", "households", sample, "--year", "2022"]);
        var second = await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["import", "households", sample, "--year", "2022"]);

        Assert.True(first.Code == 0, first.Error);
        Assert.Contains("Năm 2022: thêm 8 hộ, sửa 0 hộ, giữ nguyên 0 hộ, từ chối 0 dòng.", first.Output, StringComparison.Ordinal);
        Assert.Contains("thêm 0 hộ, sửa 0 hộ, giữ nguyên 8 hộ", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verb_refuses_a_file_with_errors_unless_told_to_accept_the_valid_rows()
    {
        var file = Path.Combine(Folder.Path, "loi.csv");
        await File.WriteAllTextAsync(file, "Mã hộ,Xã/thị trấn,Phân loại (nghèo/cận nghèo),Chủ hộ\nHA-01,Hải An,nghèo,A\nHA-02,Hải An,khá giả,B\n");

        var refused = await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["import", "households", file, "--year", "2022"]);
        var accepted = await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["import", "households", file, "--year", "2022", "--accept-valid"]);

        Assert.Equal(1, refused.Code);
        Assert.Contains("Dòng 3 (HA-02): Phân loại «khá giả» không hợp lệ", refused.Output, StringComparison.Ordinal);
        Assert.Contains("--accept-valid", refused.Output, StringComparison.Ordinal);
        Assert.Equal(0, accepted.Code);
        Assert.Contains("thêm 1 hộ", accepted.Output, StringComparison.Ordinal);
    }

    private static Task<string> UploadAsync(ConsoleClient client, string csv, string name, bool acceptValid) =>
        UploadAsync(client, Encoding.UTF8.GetBytes(csv), name, acceptValid);

    private static async Task<string> UploadAsync(ConsoleClient client, byte[] file, string name, bool acceptValid)
    {
        var token = await client.TokenAsync("/admin/households");
        using var form = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(bytes, "file", name);
        form.Add(new StringContent("2022"), "year");
        form.Add(new StringContent(acceptValid ? "true" : "false"), "acceptValid");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await client.Http.PostAsync("/admin/households", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
