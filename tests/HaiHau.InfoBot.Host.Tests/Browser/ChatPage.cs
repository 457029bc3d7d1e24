using System.Collections.Concurrent;
using Microsoft.Playwright;
using Xunit;

namespace HaiHau.InfoBot.Host.Tests.Browser;

/// <summary>
/// The resident's chat page in one browser context, through the page's DOM hooks (#messages, .msg.bot[data-reply-id],
/// .choices button.choice[data-choice-id], .msg.user, #input, #send, #restart, .msg.system). It also records script
/// errors and blocks (and records) any request that would leave 127.0.0.1.
/// </summary>
public sealed class ChatPage : IAsyncDisposable
{
    private readonly Func<IPage, Task> release;
    private readonly ConcurrentQueue<string> scriptErrors = new();
    private readonly ConcurrentQueue<string> foreignRequests = new();

    private ChatPage(IPage page, Uri baseUrl, Func<IPage, Task> release)
    {
        this.release = release;
        Page = page;
        BaseUrl = baseUrl;
        page.PageError += OnPageError;
        page.Console += OnConsole;
    }

    public IPage Page { get; }

    public Uri BaseUrl { get; }

    /// <summary>Bot bubbles with text, oldest first.</summary>
    public ILocator BotBubbles => Page.Locator("#messages .msg.bot[data-reply-id]");

    /// <summary>What the resident sent (typed text or a pressed button's label), oldest first.</summary>
    public ILocator UserBubbles => Page.Locator("#messages .msg.user");

    /// <summary>Error lines (lost connection, refused message).</summary>
    public ILocator SystemLines => Page.Locator("#messages .msg.system");

    /// <summary>Every choice button in the log, answered or not.</summary>
    public ILocator AllChoices => Page.Locator("#messages .choices button.choice[data-choice-id]");

    /// <summary>Buttons that can still be pressed.</summary>
    public ILocator EnabledChoices => Page.Locator("#messages .choices button.choice[data-choice-id]:enabled");

    /// <summary>Greyed-out buttons of questions already answered.</summary>
    public ILocator DisabledChoices => Page.Locator("#messages .choices button.choice[data-choice-id]:disabled");

    /// <summary>The buttons the resident pressed (they stay highlighted).</summary>
    public ILocator ChosenChoices => Page.Locator("#messages .choices button.choice.chosen[data-choice-id]");

    /// <summary>The buttons of the newest question.</summary>
    public ILocator LatestChoices => Page.Locator("#messages .choices").Last.Locator("button.choice[data-choice-id]");

    public ILocator Input => Page.Locator("#input");

    public ILocator SendButton => Page.Locator("#send");

    /// <param name="page">A blank page in a context of its own.</param>
    /// <param name="release">What to do with the page when the test is done with it (BrowserSession wipes it for the next test).</param>
    public static async Task<ChatPage> CreateAsync(IPage page, Uri baseUrl, Func<IPage, Task> release)
    {
        var chat = new ChatPage(page, baseUrl, release);
        // Only the bot's own origin may be reached; anything else is refused before it leaves the browser.
        await page.RouteAsync(url => !url.StartsWith(baseUrl.GetLeftPart(UriPartial.Authority) + "/", StringComparison.Ordinal), async route =>
        {
            chat.foreignRequests.Enqueue(route.Request.Url);
            await route.AbortAsync("blockedbyclient");
        });
        return chat;
    }

    public async Task GotoAsync()
    {
        var response = await Page.GotoAsync(BaseUrl.ToString());
        Assert.True(response is { Ok: true }, $"GET {BaseUrl} answered {response?.Status}");
    }

    /// <summary>A bot bubble containing <paramref name="text"/>.</summary>
    public ILocator BotSaid(string text) => BotBubbles.Filter(new LocatorFilterOptions { HasText = text });

    /// <summary>A button of the newest question, by its visible label (exact).</summary>
    public ILocator Choice(string label) =>
        Page.Locator("#messages .choices").Last.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = label, Exact = true });

    /// <summary>Taps a button of the newest question, as a resident would.</summary>
    public Task ChooseAsync(string label) => Choice(label).ClickAsync();

    /// <summary>Types into the box and presses Enter (the phone keyboard's "send").</summary>
    public async Task TypeAndEnterAsync(string text)
    {
        await Input.FillAsync(text);
        await Input.PressAsync("Enter");
    }

    /// <summary>Fails on any uncaught script error or console error, and on any request that tried to leave 127.0.0.1.</summary>
    public void AssertNoScriptErrorsOrForeignRequests()
    {
        Assert.True(scriptErrors.IsEmpty, "Script errors on the page: " + string.Join(" | ", scriptErrors));
        Assert.True(foreignRequests.IsEmpty, "The page tried to reach beyond 127.0.0.1: " + string.Join(" | ", foreignRequests));
    }

    /// <summary>Stops listening to the page (the next test may get it) and hands it back.</summary>
    public async ValueTask DisposeAsync()
    {
        Page.PageError -= OnPageError;
        Page.Console -= OnConsole;
        await release(Page);
    }

    private void OnPageError(object? sender, string error) => scriptErrors.Enqueue(error);

    private void OnConsole(object? sender, IConsoleMessage message)
    {
        if (message.Type == "error")
        {
            scriptErrors.Enqueue(message.Text);
        }
    }
}
