using System.Text;
using HaiHau.InfoBot.Host.Tests.Cli;
using HaiHau.InfoBot.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HaiHau.InfoBot.Host.Tests.Browser;

/// <summary>
/// An officer in a real browser on the console: signing in, importing a list file with an error, reading the reach
/// report. Real host, real SQLite file, real chromium; accounts are made with the verb, as an operator would.
/// </summary>
[Trait(BrowserSession.TraitName, BrowserSession.Category)]
public sealed class ConsolePageTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private const float Wait = BrowserSession.Timeout;
    private const string Email = "huyen@haihau.test";
    private const string Password = "mat-khau-dai-2022";

    [Fact]
    public async Task An_officer_mistypes_the_password_sees_why_then_signs_in()
    {
        await using var host = await StartWithOfficerAsync();
        var page = await browser.OpenConsoleAsync();
        try
        {
            await page.GotoAsync(new Uri(host.BaseUrl, "admin/login").ToString());
            await SignInAsync(page, "sai-mat-khau-2022");
            await Expect(page.Locator("#login-error")).ToHaveTextAsync("Thư điện tử hoặc mật khẩu không đúng.", new() { Timeout = Wait });

            await SignInAsync(page, Password);

            await Expect(page).ToHaveURLAsync(new Uri(host.BaseUrl, "admin").ToString(), new() { Timeout = Wait });
            await Expect(page.Locator("#scope")).ToHaveTextAsync("toàn huyện", new() { Timeout = Wait });
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Danh sách hộ" })).ToBeVisibleAsync(new() { Timeout = Wait });
        }
        finally
        {
            await browser.ReleaseAsync(page);
        }
    }

    [Fact]
    public async Task A_list_file_with_a_refused_row_shows_the_rows_reason_and_imports_nothing()
    {
        await using var host = await StartWithOfficerAsync();
        var page = await SignedInAsync(host);
        try
        {
            await page.GotoAsync(new Uri(host.BaseUrl, "admin/households?year=2022").ToString());
            await page.Locator("#file").SetInputFilesAsync(new FilePayload
            {
                Name = "danh-sach.csv",
                MimeType = "text/csv",
                Buffer = Encoding.UTF8.GetBytes("Mã hộ,Xã/thị trấn,Phân loại (nghèo/cận nghèo),Chủ hộ\nHA-01,Hải An,nghèo,Nguyễn Văn An\nHA-02,Hải An,khá giả,Trần Thị Bình\n"),
            });
            await page.Locator("#import").ClickAsync();

            var rejected = page.Locator("#rejected tbody tr");
            await Expect(rejected).ToHaveCountAsync(1, new() { Timeout = Wait });
            await Expect(rejected).ToContainTextAsync("Phân loại «khá giả» không hợp lệ: ghi «nghèo» hoặc «cận nghèo».", new() { Timeout = Wait });
            await Expect(rejected.Locator("td").First).ToHaveTextAsync("3", new() { Timeout = Wait });
            await Expect(page.Locator("#import-not-applied")).ToBeVisibleAsync(new() { Timeout = Wait });
            await Expect(page.Locator("#summary tr", new() { HasText = "Xã Hải An" }).Locator("td").Nth(3)).ToHaveTextAsync("0", new() { Timeout = Wait });
        }
        finally
        {
            await browser.ReleaseAsync(page);
        }
    }

    [Fact]
    public async Task The_reach_report_shows_a_communes_percent_and_its_status_against_the_target()
    {
        await using var host = await StartWithOfficerAsync();
        var import = await ConsoleVerbRunner.RunAsync(Connection(host), ["import", "households", Path.Combine(RepoPaths.Content, "samples", "danh-sach-ho-vi-du-2022.csv"), "--year", "2022"]);
        Assert.True(import.Code == 0, import.Error);
        await ReachedAsync(host, "HA-001", "HA-002", "HA-003", "HH-001"); // 3 of Hải An's 4; 1 of Hải Hưng's 2
        var page = await SignedInAsync(host);
        try
        {
            await page.GotoAsync(new Uri(host.BaseUrl, "admin/reach?from=2022-01-01&to=2022-12-31&year=2022").ToString());

            var haiAn = page.Locator("#reach tbody tr", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("Xã Hải An(?!h)") }).Locator("td"); // not Xã Hải Anh, listed before it
            await Expect(haiAn.Nth(3)).ToHaveTextAsync("3 / 4", new() { Timeout = Wait });
            await Expect(haiAn.Nth(4)).ToHaveTextAsync("75%", new() { Timeout = Wait });
            await Expect(haiAn.Nth(5)).ToHaveTextAsync("Đạt", new() { Timeout = Wait });
            var haiHung = page.Locator("#reach tbody tr", new() { HasText = "Xã Hải Hưng" }).Locator("td");
            await Expect(haiHung.Nth(4)).ToHaveTextAsync("50%", new() { Timeout = Wait });
            await Expect(haiHung.Nth(5)).ToHaveTextAsync("Chưa đạt", new() { Timeout = Wait });
            await Expect(page.Locator("#reach thead")).ToContainTextAsync("So với chỉ tiêu 70%", new() { Timeout = Wait });
        }
        finally
        {
            await browser.ReleaseAsync(page);
        }
    }

    private static string Connection(LiveBotHost host) => "Data Source=" + host.DatabasePath;

    private static async Task<LiveBotHost> StartWithOfficerAsync()
    {
        var host = await LiveBotHost.StartAsync();
        var created = await ConsoleVerbRunner.RunAsync(Connection(host), ["users", "add", "--email", Email, "--role", "Officer", "--password-stdin"], Password + "\n");
        Assert.True(created.Code == 0, created.Error);
        return host;
    }

    private async Task<IPage> SignedInAsync(LiveBotHost host)
    {
        var page = await browser.OpenConsoleAsync();
        await page.GotoAsync(new Uri(host.BaseUrl, "admin/login").ToString());
        await SignInAsync(page, Password);
        await Expect(page.Locator("#scope")).ToBeVisibleAsync(new() { Timeout = Wait });
        return page;
    }

    private static async Task SignInAsync(IPage page, string password)
    {
        await page.GetByLabel("Thư điện tử").FillAsync(Email);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
    }

    /// <summary>One linked resident per household read an article on 1 March 2022 (rows as the reach writer appends them).</summary>
    private static async Task ReachedAsync(LiveBotHost host, params string[] households)
    {
        await using var connection = new SqliteConnection(Connection(host));
        await connection.OpenAsync();
        foreach (var code in households)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO conversations (Channel, ChatId, UserId, StateJson, CreatedAt, UpdatedAt, Unreachable) VALUES ('web', $code, $code, '{}', 0, 0, 0);
                INSERT INTO reach_log (At, Day, Channel, ConversationId, Kind, Topic, Subject, CommuneCode, HouseholdId, DeclaredCategory)
                SELECT 0, 20220301, 'web', last_insert_rowid(), 'article', 'health_insurance', 'bhyt-ho-ngheo', e.CommuneCode, h.Id, 'ngheo'
                FROM households h JOIN register_entries e ON e.HouseholdId = h.Id AND e.Year = 2022 WHERE h.Code = $code;
                """;
            command.Parameters.AddWithValue("$code", code);
            await command.ExecuteNonQueryAsync();
        }
    }
}
