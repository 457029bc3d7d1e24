using HaiHau.InfoBot.Host.Answerer;
using HaiHau.InfoBot.Host.Broadcasts;
using HaiHau.InfoBot.Host.Channels;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.OfficerConsole.Listings;
using HaiHau.InfoBot.Host.Operations;
using HaiHau.InfoBot.Host.Reach;
using HaiHau.InfoBot.Host.Stats;
using HaiHau.InfoBot.Host.Register;
using HaiHau.InfoBot.Host.Health;
using HaiHau.InfoBot.Host.Telegram;
using HaiHau.InfoBot.Host.Unanswered;
using HaiHau.InfoBot.Host.Telemetry;
using HaiHau.InfoBot.Host.WebChat;
using HaiHau.InfoBot.Host.Zalo;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.Setup;

/// <summary>The web host: a table of contents of Add…/Map… calls (STYLE.md habit 3).</summary>
public static class InfoBotWeb
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplication Build(string[] args)
    {
        // No hosting-startup assemblies (the app has none): looking for them reads every attribute of the app's assembly,
        // and the compiled console pages' attributes then load MVC and Razor into every host at start (issue 15).
        // Settings files are read at start, not watched: the services take their settings once, so a reload changed
        // nothing but kept a watcher thread and its inotify reader in every host (about 0.5 MB, issue 15).
        var builder = WebApplication.CreateSlimBuilder(ContentRoot.Options([.. args, "--preventHostingStartup=true", "--hostBuilder:reloadConfigOnChange=false"]));
        AddWhatSlimLeavesOut(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl); // ASPNETCORE_URLS and --urls still win
        }

        builder.Services.AddInfoBotLogging(builder.Configuration);
        builder.Services.AddInfoBotCore();
        builder.Services.AddInfoBotWebChat();
        builder.Services.AddInfoBotChannels();
        builder.Services.AddInfoBotZalo(builder.Configuration);
        builder.Services.AddInfoBotTelegram(builder.Configuration);
        builder.Services.AddInfoBotConsole();
        builder.Services.AddInfoBotRegister();
        builder.Services.AddInfoBotReach();
        builder.Services.AddInfoBotStats();
        builder.Services.AddInfoBotUnanswered();
        builder.Services.AddInfoBotListingsConsole();
        builder.Services.AddInfoBotBroadcasts();
        builder.Services.AddInfoBotRateLimits();
        builder.Services.AddInfoBotProxy(builder.Configuration);
        builder.Services.AddInfoBotOperations();
        builder.Services.AddInfoBotHealth();
        builder.Services.AddInfoBotAnswerer(builder.Configuration); // optional: nothing unless InfoBot:Answerer:Endpoint is set
        builder.Services.AddInfoBotTelemetry(builder.Configuration);

        var app = builder.Build();
        app.UseForwardedHeaders(); // first: everything after sees the client's address and scheme
        app.UseRouting();
        app.UseInfoBotRequestLogging();
        app.UseRateLimiter();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseCors();
        app.MapInfoBotHealth();
        app.MapInfoBotMetrics();
        app.MapInfoBotWebChat();
        app.MapInfoBotWebhooks();
        app.MapInfoBotConsole(); // /admin and /api/admin: sign-in, roles and pages in the console's own pipeline, built on first use
        return app;
    }

    /// <summary>
    /// The slim builder is CreateBuilder without IIS integration, HTTP/3 (QUIC), Kestrel's HTTPS settings, the regex route
    /// constraint, static web assets in Development and the Debug and EventSource log providers. Loading IIS and QUIC
    /// cost every host about 1.5 MB of images at start (issue 15) for nothing on Linux behind a reverse proxy; the rest is
    /// added back here, so HTTPS endpoints and certificates under "Kestrel" still work. Logging is Serilog's either way.
    /// HTTPS only when the settings ask for it (<see cref="AsksForHttps"/>): otherwise Kestrel's start looked for a default
    /// certificate and loaded the crypto stack for it, in a host that listens on plain HTTP behind its reverse proxy.
    /// </summary>
    private static void AddWhatSlimLeavesOut(WebApplicationBuilder builder)
    {
        if (AsksForHttps(builder.Configuration))
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        builder.Services.AddRouting();
        builder.Metrics.AddConfiguration(builder.Configuration.GetSection("Metrics"));
        if (builder.Environment.IsDevelopment())
        {
            builder.WebHost.UseStaticWebAssets();
        }
    }

    /// <summary>
    /// An https address (--urls, ASPNETCORE_URLS, ASPNETCORE_HTTPS_PORTS, a "Kestrel" endpoint) or a certificate under
    /// "Kestrel". Without these Kestrel needs no HTTPS; with one and no HTTPS configuration it would refuse to start.
    /// </summary>
    internal static bool AsksForHttps(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || (configuration["urls"] ?? string.Empty).Contains("https:", StringComparison.OrdinalIgnoreCase)
        || configuration.GetSection("Kestrel").AsEnumerable().Any(setting =>
            setting.Key.Contains(":Certificate", StringComparison.OrdinalIgnoreCase)
            || setting.Value?.Contains("https:", StringComparison.OrdinalIgnoreCase) == true);

    private static IServiceCollection AddInfoBotWebChat(this IServiceCollection services)
    {
        services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IChannelHealth, WebChatHealth>();
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<WebChatOptions>>((cors, web) => cors.AddPolicy(WebChatApi.CorsPolicy, policy =>
            {
                if (web.Value.AllowedOrigins.Length > 0)
                {
                    policy.WithOrigins(web.Value.AllowedOrigins).WithMethods("GET", "POST").WithHeaders("Content-Type");
                }
            }));
        return services;
    }
}
