using System.Text.RegularExpressions;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HaiHau.InfoBot.Host.Tests.Browser;

/// <summary>
/// A conversation survives what happens to phones and servers: the resident reloads the page, or the operator
/// restarts the bot, or its site data is cleared. Each test has its own host (one restarts it) and its own page.
/// </summary>
[Trait(BrowserSession.TraitName, BrowserSession.Category)]
public sealed class ChatResumeTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private const float Wait = BrowserSession.Timeout;
    private const string HealthInsurance = "Bảo hiểm y tế";
    private const string HouseholdQuestion = "Hộ nhà bác đang thuộc diện nào?";
    private const string PoorHousehold = "Hộ nghèo";
    private const string ArticleHeading = "BẢO HIỂM Y TẾ CHO NGƯỜI THUỘC HỘ NGHÈO";

    [Fact]
    public async Task Resident_reloads_the_page_mid_dialog_and_finds_the_transcript_and_working_buttons()
    {
        await using var host = await LiveBotHost.StartAsync();
        await using var chat = await browser.OpenChatAsync(host);
        var conversation = await MidDialogAsync(chat);

        await chat.Page.ReloadAsync();

        // The bot's side of the conversation comes back from the server, in order; only the last question is open.
        await Expect(chat.BotBubbles).ToHaveTextAsync(
            [new Regex("^Chào bác!"), new Regex("^Bác muốn hỏi về việc gì"), new Regex("^" + HouseholdQuestion)],
            new() { Timeout = Wait });
        await Expect(chat.DisabledChoices).ToHaveCountAsync(8, new() { Timeout = Wait });
        await Expect(chat.EnabledChoices).ToHaveCountAsync(5, new() { Timeout = Wait });
        // The resident's own line comes back too: the label of the button pressed before the reload.
        await Expect(chat.UserBubbles).ToHaveTextAsync([HealthInsurance], new() { Timeout = Wait });

        await chat.ChooseAsync(PoorHousehold);

        await Expect(chat.BotSaid(ArticleHeading)).ToHaveTextAsync(new Regex("^" + ArticleHeading), new() { Timeout = Wait });
        await Expect(chat.BotSaid(ArticleHeading)).ToHaveCountAsync(1, new() { Timeout = Wait });
        await Expect(chat.SystemLines).ToHaveCountAsync(0, new() { Timeout = Wait });
        Assert.Equal(conversation, await StoredConversationAsync(chat)); // the page kept its conversation, not a new one
        chat.AssertNoScriptErrorsOrForeignRequests();
    }

    [Fact]
    public async Task Bot_restarts_mid_dialog_and_the_next_button_press_continues_the_conversation()
    {
        await using var host = await LiveBotHost.StartAsync();
        await using var chat = await browser.OpenChatAsync(host);
        var conversation = await MidDialogAsync(chat);

        // Same port, same database file, a new process-worth of host: the page stays open through it.
        await host.RestartAsync();
        await chat.ChooseAsync(PoorHousehold);

        await Expect(chat.BotSaid(ArticleHeading)).ToHaveTextAsync(new Regex("^" + ArticleHeading), new() { Timeout = Wait });
        await Expect(chat.UserBubbles).ToHaveTextAsync([HealthInsurance, PoorHousehold], new() { Timeout = Wait });
        await Expect(chat.LatestChoices).ToHaveTextAsync(["Có", "Không"], new() { Timeout = Wait });
        // No greeting again: the server kept the conversation rather than starting a new one.
        await Expect(chat.BotSaid("Chào bác!")).ToHaveCountAsync(1, new() { Timeout = Wait });
        await Expect(chat.SystemLines).ToHaveCountAsync(0, new() { Timeout = Wait });
        Assert.Equal(conversation, await StoredConversationAsync(chat));
        chat.AssertNoScriptErrorsOrForeignRequests();
    }

    [Fact]
    public async Task Phone_whose_site_data_was_cleared_starts_a_new_conversation_with_the_greeting()
    {
        await using var host = await LiveBotHost.StartAsync();
        await using var chat = await browser.OpenChatAsync(host);
        var before = await MidDialogAsync(chat);

        // What «xóa dữ liệu trang web» does on a phone; the browser tests hand each page on to the next test this way.
        await BrowserSession.WipeAsync(chat.Page);
        await chat.GotoAsync();

        await Expect(chat.BotBubbles).ToHaveTextAsync([new Regex("^Chào bác!"), new Regex("^Bác muốn hỏi về việc gì")], new() { Timeout = Wait });
        await Expect(chat.UserBubbles).ToHaveCountAsync(0, new() { Timeout = Wait });
        await Expect(chat.EnabledChoices).ToHaveCountAsync(8, new() { Timeout = Wait });
        Assert.NotEqual(before, await StoredConversationAsync(chat));
        chat.AssertNoScriptErrorsOrForeignRequests();
    }

    // The resident presses «Bảo hiểm y tế» and the bot asks the household's category: the dialog's open question. Returns
    // the conversation the page keeps.
    private static async Task<string> MidDialogAsync(ChatPage chat)
    {
        await chat.ChooseAsync(HealthInsurance);
        await Expect(chat.BotBubbles.Last).ToContainTextAsync(HouseholdQuestion, new() { Timeout = Wait });
        return await StoredConversationAsync(chat);
    }

    // The id the page keeps in localStorage; a lost conversation would show as a new id.
    private static async Task<string> StoredConversationAsync(ChatPage chat)
    {
        var id = await chat.Page.EvaluateAsync<string?>("() => localStorage.getItem('haihau.infobot.conversation')");
        Assert.NotNull(id);
        Assert.Matches("^w[0-9a-f]{32}$", id);
        return id;
    }
}
