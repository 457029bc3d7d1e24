using System.Net;
using System.Text.RegularExpressions;
using HaiHau.InfoBot.Host.OfficerConsole;

namespace HaiHau.InfoBot.Host.Tests.OfficerConsole;

/// <summary>
/// An admin unlocks, resets the password of, disables and enables an officer's account (issue 13 §6), as the officer
/// notices it at the sign-in form; each change is in the audit log in words, and only an admin may make it.
/// </summary>
public sealed partial class AccountMaintenanceTests : HostTestBase
{
    private const string Officer = "can-bo@haihau.test";
    private const string Admin = "admin@haihau.test";
    private const string Locked = "Tài khoản đang bị khóa tạm thời";

    [Fact]
    public async Task An_admin_unlocks_an_account_locked_by_wrong_passwords_and_the_officer_signs_in()
    {
        await using var app = await AppWithAccountsAsync();
        var officer = ConsoleClient.Anonymous(app);
        for (var i = 0; i < 5; i++)
        {
            await officer.SignInAsync(Officer, "sai-mat-khau-1");
        }

        var whileLocked = await (await officer.SignInAsync(Officer, ConsoleClient.Password)).Content.ReadAsStringAsync();
        var admin = await ConsoleClient.SignedInAsync(app, Admin);
        var listed = await admin.PageAsync("/admin/users");
        var unlocked = await ChangeAsync(admin, "Unlock", Officer);
        var after = await officer.SignInAsync(Officer, ConsoleClient.Password);

        Assert.Contains(Locked, whileLocked, StringComparison.Ordinal);
        Assert.Contains("Bị khóa tạm thời (nhập sai mật khẩu nhiều lần)", listed, StringComparison.Ordinal);
        Assert.Contains($"Đã mở khóa tài khoản {Officer}.", unlocked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("Mở khóa tài khoản", await admin.PageAsync("/admin/audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generated_password_is_shown_once_replaces_the_old_one_and_is_audited()
    {
        await using var app = await AppWithAccountsAsync();
        var admin = await ConsoleClient.SignedInAsync(app, Admin);

        var page = await ChangeAsync(admin, "Reset", Officer);
        var generated = GeneratedPattern().Match(page);
        var again = await admin.PageAsync("/admin/users");
        var old = await ConsoleClient.Anonymous(app).SignInAsync(Officer, ConsoleClient.Password);
        var fresh = await ConsoleClient.Anonymous(app).SignInAsync(Officer, generated.Groups[1].Value);

        Assert.True(generated.Success, page);
        Assert.DoesNotContain(generated.Groups[1].Value, again, StringComparison.Ordinal); // shown once
        Assert.Equal(HttpStatusCode.OK, old.StatusCode); // the sign-in form again: the old password no longer works
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Contains("Đặt lại mật khẩu", await admin.PageAsync("/admin/audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_the_admin_types_is_set_and_a_too_short_one_is_refused_in_words()
    {
        await using var app = await AppWithAccountsAsync();
        var admin = await ConsoleClient.SignedInAsync(app, Admin);

        var tooShort = await ChangeAsync(admin, "Reset", Officer, "ngan1");
        var set = await ChangeAsync(admin, "Reset", Officer, "mat-khau-moi-2026");
        var signIn = await ConsoleClient.Anonymous(app).SignInAsync(Officer, "mat-khau-moi-2026");

        Assert.DoesNotContain("Đã đặt lại mật khẩu", tooShort, StringComparison.Ordinal);
        Assert.Contains("Mật khẩu", tooShort, StringComparison.Ordinal);
        Assert.Contains($"Đã đặt lại mật khẩu cho {Officer}.", set, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"reset-password\"", set, StringComparison.Ordinal); // typed, so nothing to show
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_nor_keep_its_session_and_enabling_restores_it()
    {
        await using var app = await AppWithAccountsAsync();
        var admin = await ConsoleClient.SignedInAsync(app, Admin);
        var session = await ConsoleClient.SignedInAsync(app, Officer);

        var disabled = await ChangeAsync(admin, "Disable", Officer);
        var refused = await (await ConsoleClient.Anonymous(app).SignInAsync(Officer, ConsoleClient.Password)).Content.ReadAsStringAsync();
        var listed = await admin.PageAsync("/admin/users");
        app.Time.Advance(TimeSpan.FromMinutes(2)); // past the session check interval
        var open = await session.Http.GetAsync("/admin/households");
        await ChangeAsync(admin, "Enable", Officer);
        var back = await ConsoleClient.Anonymous(app).SignInAsync(Officer, ConsoleClient.Password);
        var audit = await admin.PageAsync("/admin/audit");

        Assert.Contains($"Đã tắt tài khoản {Officer}", disabled, StringComparison.Ordinal);
        Assert.Contains(Locked, refused, StringComparison.Ordinal);
        Assert.Matches($"{Regex.Escape(Officer)}</td>.*Đã tắt</td>", listed);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Contains(ConsoleSetup.LoginPath, open.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Contains("Tắt tài khoản", audit, StringComparison.Ordinal);
        Assert.Contains("Bật lại tài khoản", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_cannot_disable_their_own_account_and_an_officer_cannot_change_accounts()
    {
        await using var app = await AppWithAccountsAsync();
        var admin = await ConsoleClient.SignedInAsync(app, Admin);
        var officer = await ConsoleClient.SignedInAsync(app, Officer);

        var self = await ChangeAsync(admin, "Disable", Admin);
        var byOfficer = await officer.PostFormAsync("/admin/users?handler=Disable", new Dictionary<string, string> { ["email"] = Admin }, tokenFrom: "/admin/households");
        var adminStill = await ConsoleClient.Anonymous(app).SignInAsync(Admin, ConsoleClient.Password);

        Assert.Contains("nhờ một quản trị khác", self, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, byOfficer.StatusCode);
        Assert.Contains("/admin/access-denied", byOfficer.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, adminStill.StatusCode);
    }

    private async Task<InfoBotApp> AppWithAccountsAsync()
    {
        var app = NewApp();
        await ConsoleClient.CreateAccountAsync(app, Admin, ConsoleRoles.Admin);
        await ConsoleClient.CreateAccountAsync(app, Officer, ConsoleRoles.Officer);
        return app;
    }

    private static async Task<string> ChangeAsync(ConsoleClient admin, string handler, string email, string newPassword = "")
    {
        var response = await admin.PostFormAsync($"/admin/users?handler={handler}", new Dictionary<string, string> { ["email"] = email, ["newPassword"] = newPassword }, tokenFrom: "/admin/users");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<code id=\"reset-password\">([^<]+)</code>")]
    private static partial Regex GeneratedPattern();
}
