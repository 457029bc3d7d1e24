using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HaiHau.InfoBot.Host.Tests.Browser;

/// <summary>
/// A resident on a phone uses the web chat: real host, real SQLite file, real chromium. Each test has its own host
/// and its own page, wiped of every stored page state before it (BrowserSession), so no conversation leaks between tests.
/// </summary>
[Trait(BrowserSession.TraitName, BrowserSession.Category)]
public sealed class ChatPageTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private const float Wait = BrowserSession.Timeout;
    private const string MenuQuestion = "Bác muốn hỏi về việc gì?";
    private const string HealthInsurance = "Bảo hiểm y tế";
    private const string HouseholdQuestion = "Hộ nhà bác đang thuộc diện nào?";
    private const string PoorHousehold = "Hộ nghèo";
    private const string ArticleHeading = "BẢO HIỂM Y TẾ CHO NGƯỜI THUỘC HỘ NGHÈO";
    private const string BenefitsQuestion = "Bác có muốn biết thêm quyền lợi chung";

    [Fact]
    public async Task Resident_opens_the_page_and_sees_the_greeting_and_eight_topic_buttons()
    {
        await using var host = await LiveBotHost.StartAsync();
        await using var chat = await browser.OpenChatAsync(host);

        await Expect(chat.BotBubbles.First).ToHaveTextAsync(new Regex("^Chào bác!"), new() { Timeout = Wait });
        await Expect(chat.BotSaid(MenuQuestion)).ToBeVisibleAsync(new() { Timeout = Wait });
        await Expect(chat.AllChoices).ToHaveCountAsync(8, new() { Timeout = Wait });
        foreach (var button in await chat.AllChoices.AllAsync())
        {
            await Expect(button).ToBeVisibleAsync(new() { Timeout = Wait });
            await Expect(button).ToBeEnabledAsync(new() { Timeout = Wait });
        }

        await Expect(chat.Choice(HealthInsurance)).ToBeVisibleAsync(new() { Timeout = Wait });
        await Expect(chat.Page.Locator("html")).ToHaveAttributeAsync("lang", "vi", new() { Timeout = Wait });
        await Expect(chat.Page.GetByLabel("Câu hỏi của bác")).ToHaveIdAsync("input", new() { Timeout = Wait });
        await Expect(chat.Input).ToHaveAccessibleNameAsync("Câu hỏi của bác", new() { Timeout = Wait });
        await Expect(chat.SystemLines).ToHaveCountAsync(0, new() { Timeout = Wait });
        chat.AssertNoScriptErrorsOrForeignRequests();
    }

    [Fact]
    public async Task Resident_chooses_health_insurance_by_button_and_reads_the_article()
    {
        await using var host = await LiveBotHost.StartAsync();
        await using var chat = await browser.OpenChatAsync(host);

        await chat.ChooseAsync(HealthInsurance);
        await Expect(chat.BotSaid(HouseholdQuestion)).ToBeVisibleAsync(new() { Timeout = Wait });
        await chat.ChooseAsync(PoorHousehold);

        await Expect(chat.BotSaid(ArticleHeading)).ToHaveTextAsync(new Regex("^" + ArticleHeading), new() { Timeout = Wait });
        await Expect(chat.BotBubbles.Last).ToContainTextAsync(BenefitsQuestion, new() { Timeout = Wait });
        await Expect(chat.LatestChoices).ToHaveTextAsync(["Có", "Không"], new() { Timeout = Wait });
        await Expect(chat.UserBubbles).ToHaveTextAsync([HealthInsurance, PoorHousehold], new() { Timeout = Wait });

        // Only the newest question can still be answered: the 8 topics and the 5 household kinds are greyed out.
        await Expect(chat.DisabledChoices).ToHaveCountAsync(13, new() { Timeout = Wait });
        await Expect(chat.EnabledChoices).ToHaveTextAsync(["Có", "Không"], new() { Timeout = Wait });
        await Expect(chat.ChosenChoices).ToHaveTextAsync([HealthInsurance, PoorHousehold], new() { Timeout = Wait });
        chat.AssertNoScriptErrorsOrForeignRequests();
    }

    [Fact]
    public async Task Resident_types_the_topic_without_diacritics_and_gets_the_health_insurance_question()
    {
        await using var host = await LiveBotHost.StartAsync();
        await using var chat = await browser.OpenChatAsync(host);
        await Expect(chat.BotSaid(MenuQuestion)).ToBeVisibleAsync(new() { Timeout = Wait });

        await chat.TypeAndEnterAsync("bao hiem y te");

        await Expect(chat.UserBubbles).ToHaveTextAsync(["bao hiem y te"], new() { Timeout = Wait });
        await Expect(chat.BotBubbles.Last).ToContainTextAsync(HouseholdQuestion, new() { Timeout = Wait });
        await Expect(chat.Choice(PoorHousehold)).ToBeEnabledAsync(new() { Timeout = Wait });
        await Expect(chat.Input).ToHaveValueAsync("", new() { Timeout = Wait });
        chat.AssertNoScriptErrorsOrForeignRequests();
    }

    [Fact]
    public async Task Resident_types_markup_and_sees_it_as_plain_text_while_the_bot_asks_again_politely()
    {
        const string markup = "<script>window.__xss=1</script>";
        await using var host = await LiveBotHost.StartAsync();
        await using var chat = await browser.OpenChatAsync(host);
        await Expect(chat.BotSaid(MenuQuestion)).ToBeVisibleAsync(new() { Timeout = Wait });

        await chat.Input.FillAsync(markup);
        await chat.SendButton.ClickAsync();

        await Expect(chat.UserBubbles).ToHaveTextAsync([markup], new() { Timeout = Wait });
        // Not understood or referred (which one depends on the classifier): either way a kind sentence sends the resident to the xã.
        await Expect(chat.BotSaid("UBND xã nơi bác ở")).ToBeVisibleAsync(new() { Timeout = Wait });
        Assert.True(await chat.Page.EvaluateAsync<bool>("() => typeof window.__xss === 'undefined'"), "the typed script ran");
        await Expect(chat.Page.Locator("#messages script")).ToHaveCountAsync(0, new() { Timeout = Wait });
        await Expect(chat.SystemLines).ToHaveCountAsync(0, new() { Timeout = Wait });

        // The page still works: back to the menu (the referral offers it beside its suggestions), then a topic.
        await chat.ChooseAsync("Về menu chính");
        await Expect(chat.Choice(HealthInsurance)).ToBeEnabledAsync(new() { Timeout = Wait });
        await chat.ChooseAsync(HealthInsurance);
        await Expect(chat.BotBubbles.Last).ToContainTextAsync(HouseholdQuestion, new() { Timeout = Wait });
        chat.AssertNoScriptErrorsOrForeignRequests();
    }

    [Fact]
    public async Task Keyboard_user_tabs_to_the_buttons_and_answers_with_Enter_and_Space()
    {
        await using var host = await LiveBotHost.StartAsync();
        await using var chat = await browser.OpenChatAsync(host);
        await Expect(chat.Choice(HealthInsurance)).ToBeEnabledAsync(new() { Timeout = Wait });

        await TabUntilFocusedAsync(chat, chat.Choice(HealthInsurance), "Tab");
        await chat.Page.Keyboard.PressAsync("Enter");

        await Expect(chat.BotBubbles.Last).ToContainTextAsync(HouseholdQuestion, new() { Timeout = Wait });
        await Expect(chat.UserBubbles).ToHaveTextAsync([HealthInsurance], new() { Timeout = Wait });
        // After a keyboard answer the focus goes to the text box, so the next Tab press starts from there.
        await Expect(chat.Input).ToBeFocusedAsync(new() { Timeout = Wait });

        await TabUntilFocusedAsync(chat, chat.Choice(PoorHousehold), "Shift+Tab");
        await chat.Page.Keyboard.PressAsync("Space");

        await Expect(chat.BotSaid(ArticleHeading)).ToBeVisibleAsync(new() { Timeout = Wait });
        await Expect(chat.UserBubbles).ToHaveTextAsync([HealthInsurance, PoorHousehold], new() { Timeout = Wait });
        chat.AssertNoScriptErrorsOrForeignRequests();
    }

    [Fact]
    public async Task Conversation_fits_a_390_pixel_phone_screen_and_is_saved_as_a_screenshot()
    {
        await using var host = await LiveBotHost.StartAsync();
        await using var chat = await browser.OpenChatAsync(host);
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);

        await Expect(chat.Choice(HealthInsurance)).ToBeEnabledAsync(new() { Timeout = Wait });
        await AssertFitsTheScreenAsync(chat);
        var menuShot = Path.Combine(folder, "chat-390-menu.png");
        await chat.Page.Mouse.MoveAsync(0, 0); // park the pointer on the header, so no button shows its hover colour
        await chat.Page.ScreenshotAsync(new() { Path = menuShot, Animations = ScreenshotAnimations.Disabled });

        await chat.ChooseAsync(HealthInsurance);
        await chat.ChooseAsync(PoorHousehold);
        await Expect(chat.Choice("Có")).ToBeEnabledAsync(new() { Timeout = Wait });
        // A long answer opens at its first line, not at its end.
        await Expect(chat.BotSaid(ArticleHeading)).ToBeInViewportAsync(new() { Timeout = Wait });
        await AssertFitsTheScreenAsync(chat);
        var articleShot = Path.Combine(folder, "chat-390-article.png");
        await chat.Page.Mouse.MoveAsync(0, 0);
        await chat.Page.ScreenshotAsync(new() { Path = articleShot, Animations = ScreenshotAnimations.Disabled });

        Assert.True(new FileInfo(menuShot).Length > 0 && new FileInfo(articleShot).Length > 0, "screenshots were not written");
        chat.AssertNoScriptErrorsOrForeignRequests();
    }

    /// <summary>
    /// Nothing scrolls sideways, every bubble and button lies within the screen's width, and the text box, the send
    /// button and the restart button are on screen (not pushed below the fold).
    /// </summary>
    private static async Task AssertFitsTheScreenAsync(ChatPage chat)
    {
        var overflow = await chat.Page.EvaluateAsync<string[]>("""
            () => {
              const w = document.documentElement.clientWidth, h = document.documentElement.clientHeight, bad = [];
              if (document.documentElement.scrollWidth > w) bad.push('page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + w);
              const scroller = document.getElementById('scroller');
              if (scroller.scrollWidth > scroller.clientWidth) bad.push('log scrolls sideways');
              for (const n of document.querySelectorAll('#messages .msg, #messages button, #input, #send, #restart')) {
                const r = n.getBoundingClientRect();
                if (r.left < 0 || r.right > w) bad.push((n.id || n.className) + ' spans ' + r.left + '..' + r.right + ' of ' + w);
              }
              for (const id of ['input', 'send', 'restart']) {
                const r = document.getElementById(id).getBoundingClientRect();
                if (r.top < 0 || r.bottom > h) bad.push('#' + id + ' is off screen: ' + r.top + '..' + r.bottom + ' of ' + h);
              }
              return bad;
            }
            """);
        Assert.Empty(overflow);
        await Expect(chat.Input).ToBeInViewportAsync(new() { Timeout = Wait });
        await Expect(chat.SendButton).ToBeInViewportAsync(new() { Timeout = Wait });
    }

    /// <summary>Presses <paramref name="key"/> until <paramref name="target"/> has the focus; focus moves synchronously with each press.</summary>
    private static async Task TabUntilFocusedAsync(ChatPage chat, ILocator target, string key)
    {
        for (var presses = 0; presses < 15; presses++)
        {
            await chat.Page.Keyboard.PressAsync(key);
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"{key} never reached the button «{await target.TextContentAsync()}».");
    }
}
