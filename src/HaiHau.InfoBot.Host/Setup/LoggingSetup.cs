using Serilog;
using Serilog.Events;

namespace HaiHau.InfoBot.Host.Setup;

/// <summary>
/// Serilog: levels from the "Serilog" section, console always (stderr for the terminal chat), and a rolling file
/// when InfoBot:Logging:FilePath is set. Nothing at Information carries message text, personal data or secrets.
/// </summary>
public static class LoggingSetup
{
    public static IServiceCollection AddInfoBotLogging(this IServiceCollection services, IConfiguration configuration, bool consoleToStandardError = false)
    {
        services.AddSerilog(logger =>
        {
            logger.ReadFrom.Configuration(configuration)
                .Enrich.FromLogContext()
                .WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                    standardErrorFromLevel: consoleToStandardError ? LogEventLevel.Verbose : null,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            var file = configuration["InfoBot:Logging:FilePath"];
            if (!string.IsNullOrWhiteSpace(file))
            {
                logger.WriteTo.File(file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        });
        return services;
    }

    /// <summary>Request logs name the route template, never the raw path (it holds conversation ids).</summary>
    public static IApplicationBuilder UseInfoBotRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {Route} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetMessageTemplateProperties = (context, _, elapsed, status) =>
            [
                new("RequestMethod", new ScalarValue(context.Request.Method)),
                new("Route", new ScalarValue((context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(static or unmatched)")),
                new("StatusCode", new ScalarValue(status)),
                new("Elapsed", new ScalarValue(elapsed)),
            ];
        });
}
