using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HaiHau.InfoBot.Host.Telemetry;

/// <summary>Bound from "InfoBot:Telemetry".</summary>
public sealed class TelemetryOptions
{
    public const string Section = "InfoBot:Telemetry";

    /// <summary>Serve OpenTelemetry metrics for Prometheus at <see cref="TelemetrySetup.MetricsPath"/>. Off by default: the page is for the operator's network only.</summary>
    public bool Metrics { get; set; }

    /// <summary>Export traces (turns, sends, web requests) over OTLP to <see cref="OtlpEndpoint"/>. Off by default.</summary>
    public bool Traces { get; set; }

    /// <summary>The collector's OTLP/HTTP base address (an OpenTelemetry Collector, Tempo, Jaeger); traces go to its /v1/traces.</summary>
    public Uri OtlpEndpoint { get; set; } = new("http://localhost:4318");
}

/// <summary>
/// OpenTelemetry (STYLE.md habit 14: off unless configured). The bot's own meter and activity source
/// (<see cref="InfoBotMetrics"/>) always count, at the cost of a few additions per turn. With InfoBot:Telemetry:Metrics
/// on, the SDK collects the meter with ASP.NET Core's and HttpClient's instruments and serves them at /metrics in
/// Prometheus' text format; with InfoBot:Telemetry:Traces on, it exports the "turn" and "send" activities and the web
/// requests over OTLP.
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    public const string OtlpTracesPath = "v1/traces";

    public static IServiceCollection AddInfoBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);
        services.AddHostedService<SendMetrics>();
        var settings = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (settings.Metrics || settings.Traces)
        {
            AddOpenTelemetry(services, settings);
        }

        return services;
    }

    /// <summary>
    /// Apart and never inlined: the runtime loads the OpenTelemetry assemblies when it prepares a method that names
    /// their types, so a host with telemetry off (the default) does not load them at start (issue 15).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddOpenTelemetry(IServiceCollection services, TelemetryOptions settings)
    {
        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService("haihau-infobot"));
        if (settings.Metrics)
        {
            telemetry.WithMetrics(metrics => metrics
                .AddMeter(InfoBotMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                // Each scrape counts afresh: one Prometheus scrapes every 15–60 s, so there is no storm to cache against.
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        }

        if (settings.Traces)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(InfoBotMetrics.MeterName)
                // A request's span keeps its route template (http.route), not its path or query: the web chat's
                // paths hold conversation ids, and a trace leaves the server.
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = context => !context.Request.Path.StartsWithSegments(MetricsPath);
                    o.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.path", null).SetTag("url.query", null);
                })
                // No HttpClient spans: every Bot API URL holds the Telegram token. The "send" span stands for the call.
                .AddOtlpExporter(o =>
                {
                    o.Protocol = OtlpExportProtocol.HttpProtobuf;
                    o.Endpoint = new Uri(settings.OtlpEndpoint, OtlpTracesPath);
                }));
        }
    }

    public static IEndpointRouteBuilder MapInfoBotMetrics(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value.Metrics)
        {
            MapPrometheus(app);
        }

        return app;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void MapPrometheus(IEndpointRouteBuilder app) => app.MapPrometheusScrapingEndpoint(MetricsPath);
}
