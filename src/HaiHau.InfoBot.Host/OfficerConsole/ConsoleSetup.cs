using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.OfficerConsole;

/// <summary>
/// The officer console: ASP.NET Core Identity on the bot's own SQLite file, cookie sign-in, role policies, the
/// Razor Pages under /admin and the JSON API under /api/admin. Every page and endpoint there needs a signed-in
/// account with the right role (tests walk them all); a commune officer's queries are limited to their commune.
/// </summary>
public static class ConsoleSetup
{
    public const string LoginPath = "/admin/login";

    /// <summary>
    /// What the app's own container holds of the console: its settings (validated at start), the audit log and the
    /// follow-up report other parts use, and the <see cref="ConsoleBranch"/> that builds the rest on first use.
    /// </summary>
    public static IServiceCollection AddInfoBotConsole(this IServiceCollection services)
    {
        services.AddConsoleOptions();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<HouseholdFollowUp>();
        services.AddSingleton(app => new ConsoleBranch(services, app));
        return services;
    }

    /// <summary>The console's own container (<see cref="ConsoleBranch"/>): Identity, cookies, policies, Razor Pages.</summary>
    internal static IServiceCollection AddConsoleWeb(this IServiceCollection services)
    {
        services.AddConsoleAccounts();
        // Razor would otherwise write every Vietnamese letter as &#x…; — correct, but unreadable in the page source and tests.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = "/admin/logout";
            cookie.AccessDeniedPath = "/admin/access-denied";
            cookie.Cookie.Name = "infobot.console";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // behind the district's HTTPS proxy it is Secure
            cookie.SlidingExpiration = true;
            // The API answers 401/403 instead of redirecting a script to an HTML page.
            cookie.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<ConsoleOptions>>((cookie, console) => cookie.ExpireTimeSpan = console.Value.SessionIdleTimeout);

        services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleRoles.AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(ConsoleRoles.Admin))
            .AddPolicy(ConsoleRoles.OfficerPolicy, p => p.RequireAuthenticatedUser().RequireRole(ConsoleRoles.Officer))
            .AddPolicy(ConsoleRoles.ReportsPolicy, p => p.RequireAuthenticatedUser().RequireRole(ConsoleRoles.CommunicationStaff, ConsoleRoles.Officer))
            .AddPolicy(ConsoleRoles.BroadcastsPolicy, p => p.RequireAuthenticatedUser().RequireRole(ConsoleRoles.Officer, ConsoleRoles.Admin))
            .AddPolicy(ConsoleRoles.AnyRolePolicy, p => p.RequireAuthenticatedUser().RequireRole(ConsoleRoles.All));

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/OfficerConsole/Pages";
            // Deny by default: every page under /admin needs a console role unless it says otherwise (login).
            o.Conventions.AuthorizeFolder("/admin", ConsoleRoles.AnyRolePolicy);
        });
        return services;
    }

    /// <summary>Accounts without the web pages: what the "users add" verb needs too.</summary>
    public static IServiceCollection AddConsoleAccounts(this IServiceCollection services)
    {
        services.AddConsoleOptions();

        // Identity's stores take the context from the scope; it comes from the same pool as the turn path's.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContext());
        services.AddIdentity<IdentityUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false; // accounts are made by an admin, who checked the address
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<InfoBotDbContext>()
            .AddDefaultTokenProviders();
        services.AddOptions<IdentityOptions>().Configure<IOptions<ConsoleOptions>>((identity, console) =>
        {
            identity.Password.RequiredLength = console.Value.PasswordMinLength;
            identity.Lockout.MaxFailedAccessAttempts = console.Value.LockoutAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = console.Value.LockoutDuration;
        });
        services.AddSingleton<IdentityErrorDescriber, VietnameseIdentityErrors>();
        services.AddSingleton<AuditLog>();
        services.AddScoped<ConsoleAccounts>();
        services.AddScoped<AccountMaintenance>();
        services.TryAddSingleton<LoginThrottle>(); // the web host registers it with the rate limits; the verbs need it here
        // A disabled account's or a reset password's old sessions end within a minute, not Identity's default 30.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        return services;
    }

    /// <summary>
    /// Every address under /admin and /api/admin goes to the console's own pipeline (<see cref="ConsoleBranch"/>),
    /// after the app's middleware (forwarded headers, request logging, the sign-in rate limit, static files).
    /// </summary>
    public static IEndpointRouteBuilder MapInfoBotConsole(this IEndpointRouteBuilder app)
    {
        var console = app.ServiceProvider.GetRequiredService<ConsoleBranch>();
        RequestDelegate handle = console.InvokeAsync;
        app.Map("/admin", handle);
        app.Map("/admin/{**path}", handle);
        app.Map("/api/admin/{**path}", handle);
        return app;
    }

    private static IServiceCollection AddConsoleOptions(this IServiceCollection services)
    {
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
