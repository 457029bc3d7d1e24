using System.Diagnostics;
using HaiHau.InfoBot.Host.Reach;
using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.Host.Stats;
using Microsoft.AspNetCore.Routing;

namespace HaiHau.InfoBot.Host.OfficerConsole;

/// <summary>
/// The officer console — Identity, cookie sign-in, role policies, anti-forgery, MVC with the Razor Pages under /admin
/// and the JSON API under /api/admin — in a service container and pipeline of its own, built on the first request
/// there (issue 15). Registering that stack in the residents' container loaded MVC, Razor, Components, Identity and
/// their types into every host at start (about 10 MB resident of 150), and most hosts never see an officer.
/// The console's container sees the app's services (<see cref="AppServicesForConsole"/>: the same store, content and
/// clock) and holds the Data Protection key ring (in the database, so sessions and forms outlive restarts as before); the app's pipeline still
/// runs first (forwarded headers, request logging, the sign-in rate limit, static files) and hands /admin and
/// /api/admin requests to this one.
/// </summary>
public sealed class ConsoleBranch(IServiceCollection appServices, IServiceProvider app)
{
    private readonly Lazy<Built> _built = new(() => Build(appServices, app), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether the console's container exists yet (tests: a resident's chat must not build it).</summary>
    public bool IsBuilt => _built.IsValueCreated;

    /// <summary>The console's services (Identity's managers, its endpoints, its policies); builds them on first use.</summary>
    public IServiceProvider Services => _built.Value.Services;

    internal async Task InvokeAsync(HttpContext context)
    {
        var built = _built.Value;
        await using var scope = built.Services.CreateAsyncScope();
        var appRequestServices = context.RequestServices;
        context.RequestServices = scope.ServiceProvider;
        // The app's catch-all route brought the request here; the console's own routing picks the page or API.
        context.SetEndpoint(null);
        context.Request.RouteValues = [];
        // Identity's SignInManager reads the request through the accessor, which the app's hosting sets only when the
        // app registers one; here the console does it, as ASP.NET Core's context factory would.
        built.HttpContextAccessor.HttpContext = context;
        try
        {
            await built.Pipeline(context);
        }
        finally
        {
            built.HttpContextAccessor.HttpContext = null;
            context.RequestServices = appRequestServices;
        }
    }

    private static Built Build(IServiceCollection appServices, IServiceProvider app)
    {
        var services = new ServiceCollection();
        // Before the console's registrations: MVC finds the pages through the environment's application name at
        // registration, and diagnostics and logging must be the app's, not fresh ones (TryAdd keeps these).
        var environment = app.GetRequiredService<IWebHostEnvironment>();
        services.AddSingleton(environment);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddSingleton(app.GetRequiredService<IConfiguration>());
        services.AddSingleton(app.GetRequiredService<ILoggerFactory>());
        var diagnostics = app.GetRequiredService<DiagnosticListener>();
        services.AddSingleton(diagnostics);
        services.AddSingleton<DiagnosticSource>(diagnostics);
        // Only the console signs anything (its cookie, its forms): the key ring, kept in the database, is read here.
        services.AddInfoBotDataProtection();
        services.AddConsoleWeb();
        AppServicesForConsole.Add(services, appServices, app);

        // Not disposed with the app: the app's singletons are forwarded by factories, and the container would dispose them a second time.
        var provider = services.BuildServiceProvider();
        var pipeline = new ApplicationBuilder(provider);
        pipeline.UseRouting();
        pipeline.UseAuthentication();
        pipeline.UseAuthorization();
        pipeline.UseAntiforgery();
        pipeline.UseEndpoints(routes =>
        {
            routes.MapRazorPages();
            // An unknown /admin address gets a page in words with the way back, not a blank 404.
            routes.MapFallbackToPage("/admin/{**path}", "/admin/NotFound").AllowAnonymous();
            routes.MapInfoBotStats();
            routes.MapInfoBotReach();
        });
        return new Built(provider, pipeline.Build(), provider.GetRequiredService<IHttpContextAccessor>());
    }

    private sealed record Built(ServiceProvider Services, RequestDelegate Pipeline, IHttpContextAccessor HttpContextAccessor);
}
