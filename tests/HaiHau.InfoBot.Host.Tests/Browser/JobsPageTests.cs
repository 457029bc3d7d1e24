using HaiHau.InfoBot.Host.Tests.Cli;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HaiHau.InfoBot.Host.Tests.Browser;

/// <summary>An officer on the jobs page in a real browser: adds a job and sees it listed; imports a file with a bad row and sees the row's error.</summary>
[Trait(BrowserSession.TraitName, BrowserSession.Category)]
public sealed class JobsPageTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private const float Wait = BrowserSession.Timeout;
    private const string Password = "mat-khau-can-bo-2026";

    private static async Task<IPage> SignedInAsync(BrowserSession browser, LiveBotHost host)
    {
        var (code, _, error) = await ConsoleVerbRunner.RunAsync("Data Source=" + host.DatabasePath,
            ["users", "add", "--email", "hai-an@haihau.test", "--role", "Officer", "--commune", "hai-an", "--password-stdin"], input: Password + "\n");
        Assert.True(code == 0, error);
        var page = await browser.OpenConsoleAsync();
        await page.GotoAsync(new Uri(host.BaseUrl, "admin/login?returnUrl=/admin/jobs").ToString());
        await page.Locator("#email").FillAsync("hai-an@haihau.test");
        await page.Locator("#password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Việc làm", new() { Timeout = Wait });
        return page;
    }

    [Fact]
    public async Task An_officer_adds_a_job_and_it_is_listed()
    {
        await using var host = await LiveBotHost.StartAsync();
        var page = await SignedInAsync(browser, host);

        await page.Locator("#f-code").FillAsync("VL-HA-01");
        await page.Locator("#f-title").FillAsync("Công nhân may công nghiệp");
        await page.Locator("#f-provider").FillAsync("Xưởng may Hải An");
        await page.Locator("#f-commune").SelectOptionAsync("hai-an");
        await page.Locator("#f-deadline").FillAsync("2099-12-31");
        await page.Locator("#f-contact").FillAsync("Cán bộ LĐTBXH xã Hải An");
        await page.Locator("#f-source").FillAsync("UBND xã Hải An");
        await page.Locator("#save").ClickAsync();

        await Expect(page.Locator("#message")).ToHaveTextAsync("Đã thêm tin «Công nhân may công nghiệp».", new() { Timeout = Wait });
        var row = page.Locator("#listings tr[data-code='VL-HA-01']");
        await Expect(row).ToContainTextAsync("Công nhân may công nghiệp", new() { Timeout = Wait });
        await Expect(row).ToContainTextAsync("Còn hạn", new() { Timeout = Wait });
        await browser.ReleaseAsync(page);
    }

    [Fact]
    public async Task An_officer_imports_a_file_with_a_bad_row_and_sees_the_rows_error()
    {
        await using var host = await LiveBotHost.StartAsync();
        var page = await SignedInAsync(browser, host);
        var csv = "Mã tin,Tiêu đề,Nơi tuyển dụng,Xã/thị trấn,Địa điểm làm việc,Mức lương,Hạn nộp hồ sơ,Liên hệ,Nguồn,Ngày đăng,Mô tả\n"
            + "VL-01,Thợ hàn,Xưởng cơ khí,Hải An,,,31/12/2099,Cán bộ xã,UBND xã,,\n"
            + "VL-02,Phụ hồ,Đội xây dựng,Hải An,,,,Cán bộ xã,UBND xã,,\n";

        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "viec-lam.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.Locator("#import").ClickAsync();

        await Expect(page.Locator(".import-problem")).ToHaveTextAsync(["Dòng 3, cột «Hạn nộp hồ sơ»: còn trống."], new() { Timeout = Wait });
        await Expect(page.Locator("#import-summary")).ToContainTextAsync("Không nhập dòng nào: 1 dòng có lỗi.", new() { Timeout = Wait });
        await Expect(page.Locator("#listings tbody tr")).ToHaveCountAsync(0, new() { Timeout = Wait });

        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "viec-lam.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.Locator("#accept-valid").CheckAsync();
        await page.Locator("#import").ClickAsync();
        await Expect(page.Locator("#import-summary")).ToContainTextAsync("bỏ qua 1 dòng có lỗi", new() { Timeout = Wait });
        await Expect(page.Locator("#listings tr[data-code='VL-01']")).ToBeVisibleAsync(new() { Timeout = Wait });
        await browser.ReleaseAsync(page);
    }
}
