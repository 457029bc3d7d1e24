using Serilog;
using Serilog.Events;
using Serilog.Settings.Configuration;

namespace HaiHau.InfoBot.Host.Setup;

/// <summary>
/// Serilog: levels from the "Serilog" section, console always (stderr for the terminal chat), and a rolling file
/// when InfoBot:Logging:FilePath is set. Nothing at Information carries message text, personal data or secrets.
/// </summary>
public static class LoggingSetup
{
    public static IServiceCollection AddInfoBotLogging(this IServiceCollection services, IConfiguration configuration, bool consoleToStandardError = false)
    {
        // preserveStaticLogger: each host keeps its own logger; otherwise every host in a process (tests, the
        // benchmark's side-by-side hosts) would log through whichever one started last.
        services.AddSerilog(preserveStaticLogger: true, configureLogger: logger =>
        {
            // Quiet unless the settings say otherwise (they are read after, so they win): the host's own events at
            // Information, the framework's (every SQL command, every request it handles) only from Warning.
            logger.MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                .MinimumLevel.Override("System", LogEventLevel.Warning);
            logger.ReadFrom.Configuration(configuration, SettingsReaderOptions())
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

    /// <summary>
    /// The assemblies whose sinks and enrichers the "Serilog" section may name (Console, File, and Serilog's own).
    /// Without this list Serilog.Settings.Configuration opens every DLL beside the host at each start to read its
    /// assembly name (about 170 files), which loaded System.Reflection.Metadata and cost start-up time and idle memory
    /// (issue 15). A sink package added later must be added here too, or its "WriteTo" entry is ignored with a
    /// SelfLog message.
    /// </summary>
    private static ConfigurationReaderOptions SettingsReaderOptions() =>
        new(typeof(ConsoleLoggerConfigurationExtensions).Assembly, typeof(FileLoggerConfigurationExtensions).Assembly);

    /// <summary>Request logs name the route template, never the raw path (it holds conversation ids).</summary>
    public static IApplicationBuilder UseInfoBotRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // This host's own logger; the default (the static Log.Logger) is silent when each host keeps its own.
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
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
