using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;

/// <summary>
/// Sign-in: e-mail and password. Repeated wrong passwords lock the account for the address they came from
/// (<see cref="LoginThrottle"/>), and an unknown address costs the same time as a known one (<see cref="LoginTimingEqualiser"/>).
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<IdentityUser> signIn, LoginThrottle throttle, LoginTimingEqualiser timing) : PageModel
{
    private const string Wrong = "Thư điện tử hoặc mật khẩu không đúng.";

    private const string Locked = "Tài khoản đang bị khóa tạm thời vì nhập sai mật khẩu nhiều lần. Bác thử lại sau, hoặc nhờ quản trị mở khóa.";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "Bác nhập thư điện tử và mật khẩu.";
            return Page();
        }

        var email = Email.Trim();
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (throttle.IsLockedOut(address, email))
        {
            Error = Locked; // the same answer for an unknown address: a lockout tells nothing about who exists
            return Page();
        }

        var user = await signIn.UserManager.FindByNameAsync(email);
        if (user is null)
        {
            timing.VerifyAgainstNothing(Password);
            throttle.Failed(address, email);
            Error = Wrong;
            return Page();
        }

        // Failures are counted by the throttle (per address), not against the account: no stranger can lock an officer out.
        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            throttle.Succeeded(address, email);
            // Only a local path: a crafted returnUrl must not send an officer to another site.
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/admin", StringComparison.Ordinal) ? ReturnUrl : "/admin");
        }

        if (!result.IsLockedOut)
        {
            throttle.Failed(address, email);
        }

        Error = result.IsLockedOut || throttle.IsLockedOut(address, email) ? Locked : Wrong;
        return Page();
    }
}
