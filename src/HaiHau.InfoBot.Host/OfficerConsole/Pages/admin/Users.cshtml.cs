using System.Globalization;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Storage.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;

/// <summary>
/// Admin: the accounts with their state; create one (role, commune, a password generated and shown once); unlock,
/// reset the password, disable or enable one (<see cref="AccountMaintenance"/>, each audited).
/// </summary>
[Authorize(Policy = ConsoleRoles.AdminPolicy)]
public sealed class UsersModel(
    ConsoleAccounts accounts, AccountMaintenance maintenance, LoginThrottle throttle, UserManager<IdentityUser> users, IContentStore content, TimeProvider time) : PageModel
{
    public sealed record Row(string Email, string Roles, string Scope, string State);

    public IReadOnlyList<Commune> Communes => content.Communes;

    public IReadOnlyList<Row> Accounts { get; private set; } = [];

    public string? Created { get; private set; }

    public string? GeneratedPassword { get; private set; }

    public AccountChange? Change { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string? email, string? role, string? commune, string? password, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(role))
        {
            Errors = ["Bác nhập thư điện tử và chọn vai trò."];
        }
        else
        {
            var result = await accounts.CreateAsync(email, role, commune, password, By(AuditActions.AccountCreated), ct);
            Errors = result.Errors;
            Created = result.User?.Email;
            GeneratedPassword = result.GeneratedPassword;
        }

        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostUnlockAsync(string? email, CancellationToken ct) =>
        ChangeAsync(maintenance.UnlockAsync(email ?? "", By(AuditActions.AccountUnlocked), ct));

    public Task<IActionResult> OnPostResetAsync(string? email, string? newPassword, CancellationToken ct) =>
        ChangeAsync(maintenance.ResetPasswordAsync(email ?? "", newPassword, By(AuditActions.PasswordReset), ct));

    public Task<IActionResult> OnPostDisableAsync(string? email, CancellationToken ct) =>
        ChangeAsync(maintenance.SetDisabledAsync(email ?? "", disabled: true, By(AuditActions.AccountDisabled), ct));

    public Task<IActionResult> OnPostEnableAsync(string? email, CancellationToken ct) =>
        ChangeAsync(maintenance.SetDisabledAsync(email ?? "", disabled: false, By(AuditActions.AccountEnabled), ct));

    private AuditEntry By(string action) => new(User.Id(), User.Who(), action);

    private async Task<IActionResult> ChangeAsync(Task<AccountChange> change)
    {
        Change = await change;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var rows = new List<Row>();
        var now = time.GetUtcNow();
        foreach (var user in await users.Users.OrderBy(u => u.Email).ToListAsync())
        {
            var roles = await users.GetRolesAsync(user);
            var claims = await users.GetClaimsAsync(user);
            var commune = claims.FirstOrDefault(c => c.Type == ConsoleRoles.CommuneClaim)?.Value;
            rows.Add(new Row(user.Email ?? "", string.Join(", ", roles.Select(ConsoleRoles.Label)),
                commune is null ? "Toàn huyện" : content.FindCommune(commune)?.Name ?? commune, State(user, now)));
        }

        Accounts = rows;
    }

    private string State(IdentityUser user, DateTimeOffset now)
    {
        if (AccountMaintenance.IsDisabled(user))
        {
            return "Đã tắt";
        }

        if (user.LockoutEnd is { } end && end > now)
        {
            return "Bị khóa đến " + end.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm d/M/yyyy", CultureInfo.InvariantCulture);
        }

        return throttle.IsLockedAnywhere(user.UserName ?? "") ? "Bị khóa tạm thời (nhập sai mật khẩu nhiều lần)" : "Đang dùng";
    }
}
