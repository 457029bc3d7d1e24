using System.Globalization;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Storage.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;

/// <summary>Admin: the accounts, and a form to create one (role, commune, a password generated and shown once).</summary>
[Authorize(Policy = ConsoleRoles.AdminPolicy)]
public sealed class UsersModel(ConsoleAccounts accounts, UserManager<IdentityUser> users, IContentStore content, TimeProvider time) : PageModel
{
    public sealed record Row(string Email, string Roles, string Scope, string LockedUntil);

    public IReadOnlyList<Commune> Communes => content.Communes;

    public IReadOnlyList<Row> Accounts { get; private set; } = [];

    public string? Created { get; private set; }

    public string? GeneratedPassword { get; private set; }

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
            var result = await accounts.CreateAsync(email, role, commune, password, new AuditEntry(User.Id(), User.Who(), AuditActions.AccountCreated), ct);
            Errors = result.Errors;
            Created = result.User?.Email;
            GeneratedPassword = result.GeneratedPassword;
        }

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
            var locked = user.LockoutEnd is { } end && end > now ? end.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm d/M/yyyy", CultureInfo.InvariantCulture) : "";
            rows.Add(new Row(user.Email ?? "", string.Join(", ", roles.Select(ConsoleRoles.Label)),
                commune is null ? "Toàn huyện" : content.FindCommune(commune)?.Name ?? commune, locked));
        }

        Accounts = rows;
    }
}
