using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.TestKit;
using Microsoft.AspNetCore.Builder;

namespace HaiHau.InfoBot.Host.Tests.Browser;

/// <summary>
/// The real web host (InfoBotWeb.Build, as "serve" runs it) on a real loopback port with a real SQLite file in a
/// temp folder. It can stop and start again on the same port and database, as an operator's restart would.
/// </summary>
public sealed class LiveBotHost : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly TempDirectory temp = new();
    private WebApplication? app;
    private string urls = "http://127.0.0.1:0";

    private LiveBotHost()
    {
    }

    /// <summary>Where the page is served, e.g. http://127.0.0.1:41234/ (with the trailing slash).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public string DatabasePath => Path.Combine(temp.Path, "infobot.db");

    public static async Task<LiveBotHost> StartAsync()
    {
        var host = new LiveBotHost();
        try
        {
            await host.StartAgainAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the host: the port closes and in-flight requests finish; the database file stays.</summary>
    public async Task StopAsync()
    {
        if (app is null)
        {
            return;
        }

        using (var cts = new CancellationTokenSource(StopTimeout))
        {
            await app.StopAsync(cts.Token);
        }

        await app.DisposeAsync();
        app = null;
    }

    /// <summary>Starts a new host on the same port and database (first start: a free port chosen by the OS).</summary>
    public async Task StartAgainAsync()
    {
        if (app is not null)
        {
            throw new InvalidOperationException("The host is already running; stop it first.");
        }

        var started = InfoBotWeb.Build(
        [
            "--urls", urls,
            // wwwroot is not copied into the test output, so serve the page from the project, as `dotnet run` does.
            "--contentRoot", Path.Combine(RepoPaths.Root, "src", "HaiHau.InfoBot.Host"),
            // The entry assembly here is the test host; the console's Razor Pages are found through the application name.
            "--applicationName", typeof(InfoBotWeb).Assembly.GetName().Name!,
            "--ConnectionStrings:InfoBot=Data Source=" + DatabasePath,
            "--InfoBot:DialogsPath=" + RepoPaths.Dialogs,
            "--InfoBot:ContentPath=" + RepoPaths.Content,
            "--Serilog:MinimumLevel:Default=Warning",
            "--Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime=Warning",
        ]);
        try
        {
            await started.StartAsync();
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }

        app = started;
        var bound = started.Urls.Single(); // with port 0 Kestrel reports the port it actually bound
        urls = bound;                      // a restart binds the same port, so an open page keeps its origin
        BaseUrl = new Uri(bound.TrimEnd('/') + "/");
    }

    /// <summary>Stop, then start on the same port and database: what a resident's open page sees as a server restart.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAgainAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            temp.Dispose();
        }
    }
}
