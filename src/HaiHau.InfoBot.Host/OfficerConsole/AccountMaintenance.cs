using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using Microsoft.AspNetCore.Identity;

namespace HaiHau.InfoBot.Host.OfficerConsole;

/// <summary>What an admin's change to an account did: done (with a password to show once, when one was generated) or why not.</summary>
public sealed record AccountChange(bool Done, string Message, string? GeneratedPassword = null);

/// <summary>
/// An admin's changes to an existing account (issue 13 §6): unlock, reset the password (generated and shown once, or
/// typed by the admin), disable and enable. Each is audited; none may be done by an admin to their own account, so the
/// last admin cannot lock everyone out. A disabled account is Identity's lockout with no end: sign-in refuses it
/// with the same words as a lockout, and its security stamp changes so its open sessions end at the next check.
/// </summary>
public sealed class AccountMaintenance(UserManager<IdentityUser> users, LoginThrottle throttle, InfoBotDbContext db, TimeProvider time)
{
    // The store may give the end back a tick short of MaxValue (SQLite keeps it as text): the year says it.
    public static bool IsDisabled(IdentityUser user) => user.LockoutEnd is { Year: >= 9999 };

    public Task<AccountChange> UnlockAsync(string email, AuditEntry by, CancellationToken ct) =>
        ChangeAsync(email, by, AuditActions.AccountUnlocked, async user =>
        {
            if (IsDisabled(user))
            {
                return new AccountChange(false, $"Tài khoản {user.Email} đang tắt; bác bấm «Bật lại» nếu muốn cho dùng lại.");
            }

            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            throttle.Forget(user.UserName ?? "");
            return new AccountChange(true, $"Đã mở khóa tài khoản {user.Email}.");
        }, ct);

    public Task<AccountChange> ResetPasswordAsync(string email, string? password, AuditEntry by, CancellationToken ct) =>
        ChangeAsync(email, by, AuditActions.PasswordReset, async user =>
        {
            var generated = string.IsNullOrEmpty(password) ? ConsoleAccounts.Generate() : null;
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, generated ?? password!);
            if (!result.Succeeded)
            {
                return new AccountChange(false, string.Join(" ", result.Errors.Select(e => e.Description)));
            }

            // A new password also ends a lockout from wrong guesses: the owner gets it by hand and signs in at once.
            throttle.Forget(user.UserName ?? "");
            return new AccountChange(true, $"Đã đặt lại mật khẩu cho {user.Email}.", generated);
        }, ct);

    public Task<AccountChange> SetDisabledAsync(string email, bool disabled, AuditEntry by, CancellationToken ct) =>
        ChangeAsync(email, by, disabled ? AuditActions.AccountDisabled : AuditActions.AccountEnabled, async user =>
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
            if (disabled)
            {
                await users.UpdateSecurityStampAsync(user);
            }
            else
            {
                throttle.Forget(user.UserName ?? "");
            }

            return new AccountChange(true, disabled ? $"Đã tắt tài khoản {user.Email}: tài khoản này không đăng nhập được nữa." : $"Đã bật lại tài khoản {user.Email}.");
        }, ct);

    private async Task<AccountChange> ChangeAsync(string email, AuditEntry by, string action, Func<IdentityUser, Task<AccountChange>> change, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return new AccountChange(false, $"Không có tài khoản «{email}».");
        }

        if (user.Id == by.ActorId)
        {
            return new AccountChange(false, "Bác không tự mở khóa, đặt lại mật khẩu hay tắt tài khoản của chính mình ở đây; nhờ một quản trị khác.");
        }

        var outcome = await change(user);
        if (outcome.Done)
        {
            AuditLog.Add(db, by with { Action = action, TargetKind = "account", TargetId = user.Email }, time.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }

        return outcome;
    }
}
