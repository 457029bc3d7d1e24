using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace HaiHau.InfoBot.Host.Telemetry;

/// <summary>Bound from "InfoBot:Telemetry".</summary>
public sealed class TelemetryOptions
{
    public const string Section = "InfoBot:Telemetry";

    /// <summary>Serve OpenTelemetry metrics for Prometheus at <see cref="TelemetrySetup.MetricsPath"/>. Off by default: the page is for the operator's network only.</summary>
    public bool Metrics { get; set; }
}

/// <summary>
/// OpenTelemetry (STYLE.md habit 14: off unless configured). The bot's own meter (<see cref="InfoBotMetrics"/>) always
/// counts, at the cost of a few additions per turn; with InfoBot:Telemetry:Metrics on, the OpenTelemetry SDK collects
/// it with ASP.NET Core's and HttpClient's instruments and serves them at /metrics in Prometheus' text format.
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddInfoBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);
        services.AddHostedService<SendMetrics>();
        if (configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() is not { Metrics: true })
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("haihau-infobot"))
            .WithMetrics(metrics => metrics
                .AddMeter(InfoBotMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                // Each scrape counts afresh: one Prometheus scrapes every 15–60 s, so there is no storm to cache against.
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    public static IEndpointRouteBuilder MapInfoBotMetrics(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value.Metrics)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath);
        }

        return app;
    }
}
