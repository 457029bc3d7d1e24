using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.Host.WebChat;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HaiHau.InfoBot.Host.Health;

/// <summary>
/// ASP.NET Core health checks: /health/live (the process answers; for a container's or systemd's restart decision),
/// /health/ready (the store and every channel, named, with their outbox backlog), and the original /health summary.
/// </summary>
public static class HealthSetup
{
    public const string LivePath = "/health/live";

    public const string ReadyPath = "/health/ready";

    /// <summary>The checks /health/ready runs; liveness runs none (a failing channel is not fixed by a restart).</summary>
    public const string ReadyTag = "ready";

    /// <summary>Every channel the bot can have, each a named readiness check (healthy "off" when not configured).</summary>
    public static readonly IReadOnlyList<string> Channels = [WebChatApi.Channel, TelegramMapping.Channel, ZaloWebhookReader.Channel];

    public static IServiceCollection AddInfoBotHealth(this IServiceCollection services)
    {
        services.TryAddSingleton<ChannelCircuits>();
        var checks = services.AddHealthChecks().AddCheck<StoreHealthCheck>(StoreHealthCheck.Name, tags: [ReadyTag]);
        foreach (var channel in Channels)
        {
            checks.AddTypeActivatedCheck<ChannelHealthCheck>(channel, failureStatus: null, tags: [ReadyTag], args: channel);
        }

        return services;
    }

    public static IEndpointRouteBuilder MapInfoBotHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthJson.WriteAsync });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthJson.WriteAsync });
        app.MapGet("/health", HealthApi.SummaryAsync);
        return app;
    }
}
