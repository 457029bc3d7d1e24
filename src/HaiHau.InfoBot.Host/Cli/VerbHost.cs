using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Setup;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>
/// The services an administrative verb (users, import, report) needs, on the same database as the bot, without the
/// web server: quiet logs on stderr, the store migrated at start.
/// </summary>
public static class VerbHost
{
    public static async Task<IHost> StartAsync(string[] settings, Action<IServiceCollection>? more, CancellationToken ct)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(settings);
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        builder.Configuration["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning";
        builder.Services.AddInfoBotLogging(builder.Configuration, consoleToStandardError: true);
        builder.Services.AddInfoBotCore();
        builder.Services.AddConsoleAccounts();
        more?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync(ct);
        return host;
    }
}
