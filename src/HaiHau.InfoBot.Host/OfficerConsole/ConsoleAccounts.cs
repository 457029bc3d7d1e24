using System.Security.Claims;
using System.Security.Cryptography;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using Microsoft.AspNetCore.Identity;

namespace HaiHau.InfoBot.Host.OfficerConsole;

/// <summary>What creating an account gave: the account, the password when it was generated (shown once), or the reasons it failed.</summary>
public sealed record AccountResult(IdentityUser? User, string? GeneratedPassword, IReadOnlyList<string> Errors)
{
    public bool Succeeded => User is not null;
}

/// <summary>Creates console accounts (the verb and the admin page share this), each creation audited.</summary>
public sealed class ConsoleAccounts(
    UserManager<IdentityUser> users,
    RoleManager<IdentityRole> roles,
    IContentStore content,
    InfoBotDbContext db,
    TimeProvider time)
{
    // No 0/O, 1/l/I: a generated password is read off a screen and typed by hand.
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<AccountResult> CreateAsync(string email, string role, string? commune, string? password, AuditEntry by, CancellationToken ct)
    {
        var errors = new List<string>();
        if (!ConsoleRoles.All.Contains(role, StringComparer.Ordinal))
        {
            errors.Add($"Vai trò «{role}» không có. Chọn một trong: {string.Join(", ", ConsoleRoles.All)}.");
        }

        string? communeCode = null;
        if (!string.IsNullOrWhiteSpace(commune))
        {
            communeCode = content.FindCommune(commune)?.Code;
            if (communeCode is null)
            {
                errors.Add($"Không tìm thấy xã, thị trấn «{commune}» trong danh sách của huyện.");
            }
        }

        if (errors.Count > 0)
        {
            return new AccountResult(null, null, errors);
        }

        foreach (var name in ConsoleRoles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new IdentityRole(name));
            }
        }

        var generated = string.IsNullOrEmpty(password) ? Generate() : null;
        var user = new IdentityUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password is { Length: > 0 } ? password : generated!);
        if (!created.Succeeded)
        {
            return new AccountResult(null, null, created.Errors.Select(e => e.Description).ToList());
        }

        await users.AddToRoleAsync(user, role);
        if (communeCode is not null)
        {
            await users.AddClaimAsync(user, new Claim(ConsoleRoles.CommuneClaim, communeCode));
        }

        AuditLog.Add(db, by with { Action = AuditActions.AccountCreated, TargetKind = "account", TargetId = user.Email, Commune = communeCode, Details = role }, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new AccountResult(user, generated, []);
    }

    /// <summary>16 characters, at least one digit and one lower-case letter (the policy's minimum is 12).</summary>
    public static string Generate()
    {
        while (true)
        {
            var chars = Enumerable.Range(0, 16).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray();
            if (chars.Any(char.IsAsciiDigit) && chars.Any(char.IsAsciiLetterLower))
            {
                return new string(chars);
            }
        }
    }
}
