using Microsoft.Playwright;
using Xunit;

namespace HaiHau.InfoBot.Host.Tests.Browser;

/// <summary>
/// A browser test class's headless Debian chromium (an xunit class fixture), driven by Playwright's bundled driver
/// (node + playwright-core under .playwright/ in the test output; nothing is downloaded). Each test opens its own
/// context (fresh localStorage, so a fresh conversation) with a phone-sized viewport and a Vietnamese locale.
/// One chromium serves every browser class of the run (issue 15: starting the driver and chromium for each of nine
/// classes cost seconds each); the classes share nothing else, since each context is its own profile, and a class's
/// contexts are closed when it ends. The browser goes when the test process exits.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    /// <summary>
    /// Every browser test class carries this trait, so a run can leave them out or take only them:
    /// <c>dotnet test --filter "Category!=Browser"</c> (they need chromium and are the slowest).
    /// </summary>
    public const string TraitName = "Category";

    public const string Category = "Browser";

    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The longest any action or expectation waits for the page (explicit, never a sleep).</summary>
    public const float Timeout = 15_000;

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", // the tests run as root, where chromium's sandbox refuses to start
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        // One renderer per page, not three: with site isolation each new page started in one renderer (about:blank), moved
        // to a second for the test's host and kept a spare warm for the next navigation. The tests load only their own
        // loopback hosts, so isolating sites guards nothing here. Measured 6 Dec, the 19 browser tests alone: 129-131
        // renderers and 100-125 CPU-seconds of chromium (78-98 s) → 44 renderers and 93-95 CPU-seconds (70-75 s).
        "--disable-site-isolation-trials",
        "--process-per-site",
    ];

    private static readonly SemaphoreSlim Starting = new(1, 1);
    private static IPlaywright? playwright;
    private static IBrowser? browser;

    private readonly List<IBrowserContext> _contexts = [];

    public async Task InitializeAsync()
    {
        await Starting.WaitAsync();
        try
        {
            if (browser is not { IsConnected: true })
            {
                await LaunchAsync();
            }
        }
        finally
        {
            Starting.Release();
        }
    }

    private static async Task LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's chromium at {ChromiumPath}, and it is missing. Install it: apt-get install chromium");
        }

        var driver = Path.Combine(AppContext.BaseDirectory, ".playwright");
        if (!Directory.Exists(Path.Combine(driver, "node")) || !Directory.Exists(Path.Combine(driver, "package")))
        {
            throw new InvalidOperationException(
                $"Playwright's driver is missing from {driver} (node/ and package/ are copied there from the Microsoft.Playwright " +
                "NuGet package at build). Rebuild tests/HaiHau.InfoBot.Host.Tests; do not run 'playwright install'.");
        }

        try
        {
            playwright = await Playwright.CreateAsync();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Playwright's driver in {driver} failed to start: {ex.Message}", ex);
        }

        try
        {
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = 30_000,
            });
        }
        catch (PlaywrightException ex)
        {
            throw new InvalidOperationException($"{ChromiumPath} did not start under Playwright: {ex.Message}", ex);
        }

        // Closing chromium before the driver goes, as each class did when it had its own.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            browser?.CloseAsync().Wait(TimeSpan.FromSeconds(5));
            playwright?.Dispose();
        };
    }

    /// <summary>A new phone-sized page (390×800, vi-VN) in its own context, already showing the chat page of <paramref name="host"/>.</summary>
    public Task<ChatPage> OpenChatAsync(LiveBotHost host) => OpenChatAsync(host.BaseUrl);

    /// <summary>A new phone-sized page (390×800, vi-VN) in its own context, already showing the chat page served at <paramref name="baseUrl"/>.</summary>
    public async Task<ChatPage> OpenChatAsync(Uri baseUrl)
    {
        var context = await (browser ?? throw new InvalidOperationException("The browser is not started.")).NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 800 },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        Track(context);
        try
        {
            context.SetDefaultTimeout(Timeout);
            context.SetDefaultNavigationTimeout(Timeout);
            var chat = await ChatPage.CreateAsync(context, baseUrl);
            await chat.GotoAsync();
            return chat;
        }
        catch
        {
            await context.CloseAsync();
            throw;
        }
    }

    /// <summary>
    /// A new page in its own context for the officer console (vi-VN), desktop-sized (1280×900) unless a viewport is
    /// given (a phone: 390×844); close its context when done.
    /// </summary>
    public async Task<IPage> OpenConsoleAsync(ViewportSize? viewport = null)
    {
        var context = await (browser ?? throw new InvalidOperationException("The browser is not started.")).NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        Track(context);
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        return await context.NewPageAsync();
    }

    /// <summary>Closes the contexts this class opened (a test may have closed some already); the browser stays for the next class.</summary>
    public async Task DisposeAsync()
    {
        List<IBrowserContext> contexts;
        lock (_contexts)
        {
            contexts = [.. _contexts];
        }

        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }

    private void Track(IBrowserContext context)
    {
        lock (_contexts)
        {
            _contexts.Add(context);
        }
    }
}
