using System.Collections.Concurrent;
using Microsoft.Playwright;
using Xunit;

namespace HaiHau.InfoBot.Host.Tests.Browser;

/// <summary>
/// A browser test class's headless Debian chromium (an xunit class fixture), driven by Playwright's bundled driver
/// (node + playwright-core under .playwright/ in the test output; nothing is downloaded). Each test opens its own
/// page in a context of its own (no cookies, no stored page state, so a fresh conversation) with a phone-sized
/// viewport and a Vietnamese locale. One chromium serves every browser class of the run (issue 15: starting the driver
/// and chromium for each of nine classes cost seconds each). A page a test is done with is wiped with its context and
/// kept for the next test that wants the same viewport (<see cref="ReleaseAsync(IPage)"/>), since chromium spends a
/// second or more of CPU on each new page's renderer; the browser goes when the test process exits.
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

    /// <summary>Wiped pages (each in its own context) waiting for the next test, by viewport (fixed when a context is made).</summary>
    private static readonly ConcurrentDictionary<(int Width, int Height), ConcurrentBag<IPage>> Spare = new();

    /// <summary>
    /// Each context's viewport (to put its page back with its kind) and the origins its pages have shown since it was last
    /// wiped (whose stored state the wipe clears).
    /// </summary>
    private static readonly ConcurrentDictionary<IBrowserContext, ContextKind> Kinds = new();

    private static IPlaywright? playwright;
    private static IBrowser? browser;

    private readonly List<IPage> _pages = [];

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

    /// <summary>A phone-sized page (390×800, vi-VN) in a context of its own, already showing the chat page of <paramref name="host"/>.</summary>
    public Task<ChatPage> OpenChatAsync(LiveBotHost host) => OpenChatAsync(host.BaseUrl);

    /// <summary>A phone-sized page (390×800, vi-VN) in a context of its own, already showing the chat page served at <paramref name="baseUrl"/>.</summary>
    public async Task<ChatPage> OpenChatAsync(Uri baseUrl)
    {
        var page = await RentAsync(new ViewportSize { Width = 390, Height = 800 });
        try
        {
            var chat = await ChatPage.CreateAsync(page, baseUrl, ReleaseAsync);
            await chat.GotoAsync();
            return chat;
        }
        catch
        {
            await DiscardAsync(page);
            throw;
        }
    }

    /// <summary>
    /// A page in a context of its own for the officer console (vi-VN), desktop-sized (1280×900) unless a viewport is
    /// given (a phone: 390×844); hand it back with <see cref="ReleaseAsync(IPage)"/> when done.
    /// </summary>
    public Task<IPage> OpenConsoleAsync(ViewportSize? viewport = null) => RentAsync(viewport ?? new ViewportSize { Width = 1280, Height = 900 });

    /// <summary>
    /// The test is done with <paramref name="page"/>: it is wiped (<see cref="WipeAsync"/>) and kept, in its context,
    /// for the next test that wants its viewport. Kept because chromium spends a second or more of CPU on each new
    /// page's renderer process, and one kept page going from one test host to the next (all on 127.0.0.1, one site)
    /// stays in its process: measured 6 Dec, the 19 browser tests alone, 42 renderers and 98-100 CPU-seconds of
    /// chromium (77-90 s) → 9 renderers and 61 CPU-seconds (57-60 s). A page that cannot be wiped (it crashed) is closed
    /// with its context instead. Releasing twice, or a page the class no longer holds, does nothing.
    /// </summary>
    public async Task ReleaseAsync(IPage page)
    {
        lock (_pages)
        {
            if (!_pages.Remove(page))
            {
                return;
            }
        }

        try
        {
            await WipeAsync(page);
            Spare.GetOrAdd(Kinds[page.Context].Viewport, _ => []).Add(page);
        }
        catch (PlaywrightException)
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// Leaves <paramref name="page"/> as a new context's page would be: on about:blank, the only page of its context,
    /// without routes, and with nothing stored by any origin its context showed (local and session storage, IndexedDB,
    /// caches, cookies: the chat's conversation id, the console's sign-in) and no permissions granted.
    /// </summary>
    public static async Task WipeAsync(IPage page)
    {
        var context = page.Context;
        foreach (var other in context.Pages.Where(p => p != page).ToList())
        {
            await other.CloseAsync();
        }

        await page.UnrouteAllAsync();
        await page.GotoAsync("about:blank");
        // Every origin the context's pages showed, not only the last one: a test may go from one host to another.
        var cdp = await context.NewCDPSessionAsync(page);
        var visited = Kinds[context].Visited;
        foreach (var origin in visited.Keys.ToList())
        {
            await cdp.SendAsync("Storage.clearDataForOrigin", new Dictionary<string, object> { ["origin"] = origin, ["storageTypes"] = "all" });
            visited.TryRemove(origin, out _);
        }

        await cdp.DetachAsync();
        await context.ClearCookiesAsync();
        await context.ClearPermissionsAsync();
    }

    /// <summary>Hands back the pages this class still holds; the browser and the wiped pages stay for the next class.</summary>
    public async Task DisposeAsync()
    {
        List<IPage> pages;
        lock (_pages)
        {
            pages = [.. _pages];
        }

        foreach (var page in pages)
        {
            await ReleaseAsync(page);
        }
    }

    private async Task<IPage> RentAsync(ViewportSize viewport)
    {
        if (!Spare.GetOrAdd((viewport.Width, viewport.Height), _ => []).TryTake(out var page))
        {
            var context = await (browser ?? throw new InvalidOperationException("The browser is not started.")).NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = viewport,
                Locale = "vi-VN",
                TimezoneId = "Asia/Ho_Chi_Minh",
                ServiceWorkers = ServiceWorkerPolicy.Block,
            });
            context.SetDefaultTimeout(Timeout);
            context.SetDefaultNavigationTimeout(Timeout);
            var visited = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
            Kinds[context] = new ContextKind((viewport.Width, viewport.Height), visited);
            context.Page += (_, opened) => opened.FrameNavigated += (_, frame) =>
            {
                if (Uri.TryCreate(frame.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
                {
                    visited[url.GetLeftPart(UriPartial.Authority)] = 0;
                }
            };
            try
            {
                page = await context.NewPageAsync();
            }
            catch
            {
                await context.CloseAsync();
                throw;
            }
        }

        lock (_pages)
        {
            _pages.Add(page);
        }

        return page;
    }

    private async Task DiscardAsync(IPage page)
    {
        lock (_pages)
        {
            _pages.Remove(page);
        }

        await page.Context.CloseAsync();
    }

    private sealed record ContextKind((int Width, int Height) Viewport, ConcurrentDictionary<string, byte> Visited);
}
