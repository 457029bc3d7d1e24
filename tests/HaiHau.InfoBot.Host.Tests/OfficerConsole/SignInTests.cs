using System.Net;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.OfficerConsole;

/// <summary>
/// Sign-in, lockout, anti-forgery and account creation as an officer and an admin meet them. The tests share the
/// class's host (<see cref="SharedApp"/>; issue 15), each with accounts of its own names; the one that counts the whole
/// audit log keeps its own host.
/// </summary>
public sealed class SignInTests(SharedApp shared) : HostTestBase, IClassFixture<SharedApp>
{
    [Fact]
    public async Task A_wrong_password_is_refused_in_Vietnamese_and_the_fifth_locks_the_account()
    {
        var app = shared.App;
        await ConsoleClient.CreateAccountAsync(app, "can-bo@haihau.test", ConsoleRoles.Officer);
        var client = ConsoleClient.Anonymous(app);

        var first = await client.SignInAsync("can-bo@haihau.test", "sai-mat-khau-1");
        for (var i = 0; i < 4; i++)
        {
            await client.SignInAsync("can-bo@haihau.test", "sai-mat-khau-1");
        }

        var right = await client.SignInAsync("can-bo@haihau.test", ConsoleClient.Password);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Thư điện tử hoặc mật khẩu không đúng.", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // the right password no longer works while locked
        Assert.Contains("Tài khoản đang bị khóa tạm thời", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_leads_to_the_console_with_the_accounts_scope()
    {
        var app = shared.App;
        await ConsoleClient.CreateAccountAsync(app, "hai-an@haihau.test", ConsoleRoles.Officer, commune: "Hải An");

        var client = await ConsoleClient.SignedInAsync(app, "hai-an@haihau.test");
        var home = await client.PageAsync("/admin");

        Assert.Contains("Xã Hải An", home, StringComparison.Ordinal);
        Assert.Contains("Cán bộ", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused()
    {
        var app = shared.App;
        await ConsoleClient.CreateAccountAsync(app, "admin-form@haihau.test", ConsoleRoles.Admin);
        var client = await ConsoleClient.SignedInAsync(app, "admin-form@haihau.test");

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "moi@haihau.test", ["role"] = ConsoleRoles.Officer });
        var response = await client.Http.PostAsync("/admin/users", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "moi@haihau.test"));
    }

    [Fact]
    public async Task An_admin_creates_a_commune_officer_with_a_generated_password_that_signs_in_and_is_audited()
    {
        var app = shared.App;
        await ConsoleClient.CreateAccountAsync(app, "admin-tao@haihau.test", ConsoleRoles.Admin);
        var admin = await ConsoleClient.SignedInAsync(app, "admin-tao@haihau.test");

        var created = await admin.PostFormAsync("/admin/users", new Dictionary<string, string>
        {
            ["email"] = "hai-hung@haihau.test", ["role"] = ConsoleRoles.Officer, ["commune"] = "hai-hung", ["password"] = "",
        });
        var page = await created.Content.ReadAsStringAsync();
        var password = System.Text.RegularExpressions.Regex.Match(page, "id=\"generated-password\">([^<]+)<").Groups[1].Value;
        var officer = await ConsoleClient.SignedInAsync(app, "hai-hung@haihau.test", password);
        var audit = await admin.PageAsync("/admin/audit");

        Assert.Equal(16, password.Length);
        Assert.Contains("Xã Hải Hưng", await officer.PageAsync("/admin"), StringComparison.Ordinal);
        Assert.Contains("Tạo tài khoản", audit, StringComparison.Ordinal);
        Assert.Contains("hai-hung@haihau.test", audit, StringComparison.Ordinal);
        Assert.DoesNotContain(password, audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_password_is_refused_with_the_policy_in_Vietnamese()
    {
        var app = shared.App;
        await ConsoleClient.CreateAccountAsync(app, "admin-mat-khau@haihau.test", ConsoleRoles.Admin);
        var admin = await ConsoleClient.SignedInAsync(app, "admin-mat-khau@haihau.test");

        var response = await admin.PostFormAsync("/admin/users", new Dictionary<string, string>
        {
            ["email"] = "ngan@haihau.test", ["role"] = ConsoleRoles.CommunicationStaff, ["commune"] = "", ["password"] = "abc1",
        });

        Assert.Contains("Mật khẩu phải có ít nhất 12 ký tự.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_log_refuses_updates_and_deletes()
    {
        await using var app = NewApp();
        await ConsoleClient.CreateAccountAsync(app, "admin@haihau.test", ConsoleRoles.Admin);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();

        var update = await Record.ExceptionAsync(() => db.AuditLog.ExecuteUpdateAsync(u => u.SetProperty(a => a.Actor, "ai-do")));
        var delete = await Record.ExceptionAsync(() => db.AuditLog.ExecuteDeleteAsync());

        Assert.Contains("append-only", update?.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete?.Message, StringComparison.Ordinal);
        Assert.Equal(1, await db.AuditLog.CountAsync());
    }
}
