using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;

namespace HaiHau.InfoBot.Host.Tests.Cli;

/// <summary>"users add": the first admin comes from the command line.</summary>
public sealed class UsersVerbTests : HostTestBase
{
    [Fact]
    public async Task The_first_admin_gets_a_generated_password_printed_once_and_can_sign_in()
    {
        var (code, output, error) = await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["users", "add", "--email", "admin@haihau.test", "--role", "Admin"]);

        Assert.True(code == 0, error);
        var password = output.Split("Password (shown once): ")[1].Trim();
        await using var app = NewApp();
        var admin = await ConsoleClient.SignedInAsync(app, "admin@haihau.test", password);
        Assert.Contains("Tạo tài khoản", await admin.PageAsync("/admin/users"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_from_standard_input_is_used_and_never_printed()
    {
        var (code, output, _) = await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(),
            ["users", "add", "--email", "hai-an@haihau.test", "--role", "Officer", "--commune", "hai an", "--password-stdin"], input: "mat-khau-tu-nhap-2022\n");

        Assert.Equal(0, code);
        Assert.DoesNotContain("mat-khau-tu-nhap-2022", output, StringComparison.Ordinal);
        await using var app = NewApp();
        var officer = await ConsoleClient.SignedInAsync(app, "hai-an@haihau.test", "mat-khau-tu-nhap-2022");
        Assert.Contains("Xã Hải An", await officer.PageAsync("/admin"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Boss", null, "Vai trò «Boss» không có")]
    [InlineData(ConsoleRoles.Officer, "Hải Xyz", "Không tìm thấy xã, thị trấn «Hải Xyz»")]
    public async Task A_wrong_role_or_commune_is_refused_with_the_reason(string role, string? commune, string reason)
    {
        string[] args = commune is null
            ? ["users", "add", "--email", "x@haihau.test", "--role", role]
            : ["users", "add", "--email", "x@haihau.test", "--role", role, "--commune", commune];

        var (code, _, error) = await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), args);

        Assert.Equal(1, code);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
