using HaiHau.InfoBot.Host.Tests.Cli;
using HaiHau.InfoBot.TestKit;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HaiHau.InfoBot.Host.Tests.Browser;

/// <summary>
/// Communication staff in a real browser on «Thống kê»: after a resident chats on the web page, the dashboard of
/// this month shows the charts (drawn on the server, no script) and the reach figure against the 70 % target.
/// </summary>
[Trait(BrowserSession.TraitName, BrowserSession.Category)]
public sealed class StatsPageTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private const float Wait = BrowserSession.Timeout;
    private const string Password = "mat-khau-truyen-thong-2026";

    [Fact]
    public async Task Staff_open_the_dashboard_and_see_the_charts_and_the_reach_figure()
    {
        await using var host = await LiveBotHost.StartAsync();
        var database = "Data Source=" + host.DatabasePath;
        var year = DateTime.UtcNow.AddHours(7).Year.ToString(System.Globalization.CultureInfo.InvariantCulture); // the live host runs on the real clock
        var imported = await ConsoleVerbRunner.RunAsync(database, ["import", "households", Path.Combine(RepoPaths.Content, "samples", "danh-sach-ho-vi-du-2022.csv"), "--year", year]);
        Assert.True(imported.Code == 0, imported.Error);
        var added = await ConsoleVerbRunner.RunAsync(database, ["users", "add", "--email", "tt@haihau.test", "--role", "CommunicationStaff", "--password-stdin"], input: Password + "\n");
        Assert.True(added.Code == 0, added.Error);
        await using (var chat = await browser.OpenChatAsync(host))
        {
            await Expect(chat.BotBubbles.First).ToBeVisibleAsync(new() { Timeout = Wait }); // a resident opened the chat: the bot greeted them
        }

        var page = await browser.OpenConsoleAsync();
        try
        {
            await page.GotoAsync(new Uri(host.BaseUrl, "admin/login?returnUrl=/admin/thong-ke").ToString());
            await page.Locator("#email").FillAsync("tt@haihau.test");
            await page.Locator("#password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

            await Expect(page.Locator("h1")).ToHaveTextAsync("Thống kê", new() { Timeout = Wait });
            foreach (var chart in new[] { "#chart-over-time", "#chart-messages", "#chart-registrations", "#chart-reach" })
            {
                await Expect(page.Locator(chart)).ToBeVisibleAsync(new() { Timeout = Wait });
            }

            await Expect(page.Locator("#chart-reach line.target")).ToHaveCountAsync(1, new() { Timeout = Wait });
            await Expect(page.Locator("#chart-reach")).ToContainTextAsync("Chỉ tiêu 70%", new() { Timeout = Wait });
            // No resident is linked to a household yet: none of the list's households is reached.
            await Expect(page.Locator("#reach-figure")).ToContainTextAsync(new System.Text.RegularExpressions.Regex($"0 / [1-9][0-9]* hộ trong danh sách năm {year}"), new() { Timeout = Wait });
            await Expect(page.Locator("#messages")).ToContainTextAsync("Trò chuyện trên trang web", new() { Timeout = Wait });

            await page.Locator("#report-print").ClickAsync();
            await Expect(page.Locator("#definitions")).ToContainTextAsync("Tỷ lệ tiếp cận", new() { Timeout = Wait });
        }
        finally
        {
            await browser.ReleaseAsync(page);
        }
    }
}
