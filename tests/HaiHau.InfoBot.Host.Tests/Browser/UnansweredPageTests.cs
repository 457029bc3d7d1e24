using HaiHau.InfoBot.Host.Tests.Cli;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HaiHau.InfoBot.Host.Tests.Browser;

/// <summary>
/// The unanswered-questions loop in real browsers (issue 13 §3): a resident's question the bot cannot answer shows on
/// the console; a staff member teaches it to a topic; the same resident's next identical question gets an answer.
/// Real host, real SQLite file, real chromium; no restart in between.
/// </summary>
[Trait(BrowserSession.TraitName, BrowserSession.Category)]
public sealed class UnansweredPageTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private const float Wait = BrowserSession.Timeout;
    private const string Email = "truyen-thong@haihau.test";
    private const string Password = "mat-khau-dai-2022";
    private const string Question = HaiHau.InfoBot.Host.Tests.Unanswered.UnknownLoanQuestion.Text;
    private const string Folded = HaiHau.InfoBot.Host.Tests.Unanswered.UnknownLoanQuestion.Folded;

    [Fact]
    public async Task A_staff_member_adds_an_unanswered_question_to_a_topic_and_the_chats_next_answer_changes()
    {
        await using var host = await StartWithStaffAsync();
        await using var chat = await browser.OpenChatAsync(host);
        var notUnderstood = await AskAsync(chat);

        var page = await browser.OpenConsoleAsync();
        try
        {
            await OpenUnansweredAsync(page, host);

            var group = page.Locator("form.group", new() { Has = page.Locator("li", new() { HasText = Folded }) });
            await Expect(group.Locator(".count")).ToHaveTextAsync("1", new() { Timeout = Wait });
            await group.GetByLabel("Chủ đề").SelectOptionAsync(new SelectOptionValue { Label = "Vay vốn ưu đãi" });
            await group.GetByRole(AriaRole.Button, new() { Name = "Thêm vào chủ đề" }).ClickAsync();

            await Expect(page.Locator("#decision-result")).ToContainTextAsync("Đã thêm cách hỏi này vào chủ đề «Vay vốn ưu đãi»", new() { Timeout = Wait });
            await Expect(page.Locator("form.group", new() { Has = page.Locator("li", new() { HasText = Folded }) })).ToHaveCountAsync(0, new() { Timeout = Wait });
            await Expect(page.Locator("#decided")).ToContainTextAsync("Vay vốn ưu đãi", new() { Timeout = Wait });
            // The bot learns in the background; the page reloads itself until the change is applied.
            await Expect(page.Locator("#learning-status")).ToContainTextAsync("Trợ lý đã áp dụng mọi thay đổi", new() { Timeout = 4 * Wait });
        }
        finally
        {
            await browser.ReleaseAsync(page);
        }

        var answered = await AskAsync(chat);
        Assert.NotEqual(notUnderstood, answered);
        await Expect(chat.BotSaid(notUnderstood)).ToHaveCountAsync(1, new() { Timeout = Wait }); // said the first time only
        chat.AssertNoScriptErrorsOrForeignRequests();
    }

    private const string Letter = HaiHau.InfoBot.Host.Tests.Unanswered.ModelLedLetter.Text;

    /// <summary>A bot with one communication staff account (<see cref="Email"/>).</summary>
    private static async Task<LiveBotHost> StartWithStaffAsync()
    {
        var host = await LiveBotHost.StartAsync();
        try
        {
            var created = await ConsoleVerbRunner.RunAsync("Data Source=" + host.DatabasePath,
                ["users", "add", "--email", Email, "--role", "CommunicationStaff", "--password-stdin"], Password + "\n");
            Assert.True(created.Code == 0, created.Error);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Signs the staff member in and opens «Câu hỏi chưa trả lời» from the console's menu.</summary>
    private static async Task OpenUnansweredAsync(IPage page, LiveBotHost host)
    {
        await page.GotoAsync(new Uri(host.BaseUrl, "admin/login").ToString());
        await page.GetByLabel("Thư điện tử").FillAsync(Email);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Câu hỏi chưa trả lời" }).ClickAsync();
    }

    [Fact]
    public async Task A_staff_member_sees_the_answer_the_assistant_guessed_for_a_long_story_and_confirms_it()
    {
        await using var host = await StartWithStaffAsync();
        await using var chat = await browser.OpenChatAsync(host);
        await AskAsync(chat, Letter);
        var kept = Core.Dialogs.DialogEngine.UnansweredSubject(Letter);

        var page = await browser.OpenConsoleAsync();
        try
        {
            await OpenUnansweredAsync(page, host);

            var item = page.Locator("form.model-answer", new() { Has = page.Locator(".asked", new() { HasText = kept }) });
            await Expect(item.Locator(".given")).ToHaveTextAsync("Mất việc có được hưởng trợ cấp thất nghiệp không?", new() { Timeout = Wait });
            await item.GetByRole(AriaRole.Button, new() { Name = "Đúng rồi" }).ClickAsync();

            await Expect(page.Locator("#decision-result")).ToContainTextAsync("Đã ghi nhận câu trả lời này là đúng", new() { Timeout = Wait });
            await Expect(page.Locator("form.model-answer")).ToHaveCountAsync(0, new() { Timeout = Wait });
            await Expect(page.Locator("#no-model-answers")).ToBeVisibleAsync(new() { Timeout = Wait });
            await Expect(page.Locator("#decided tr", new() { HasText = kept })).ToContainTextAsync("Đã xác nhận đúng", new() { Timeout = Wait });
        }
        finally
        {
            await browser.ReleaseAsync(page);
        }

        chat.AssertNoScriptErrorsOrForeignRequests();
    }

    /// <summary>Types the question and returns the text of the bot's first bubble in reply.</summary>
    private static async Task<string> AskAsync(ChatPage chat, string question = Question)
    {
        await Expect(chat.BotBubbles.First).ToBeVisibleAsync(new() { Timeout = Wait });
        var before = await chat.BotBubbles.CountAsync();
        await chat.TypeAndEnterAsync(question);
        var reply = chat.BotBubbles.Nth(before);
        await Expect(reply).ToBeVisibleAsync(new() { Timeout = Wait });
        return (await reply.InnerTextAsync()).Trim();
    }
}
