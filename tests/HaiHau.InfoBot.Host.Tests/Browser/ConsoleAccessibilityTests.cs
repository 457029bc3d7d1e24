using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.Listings;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Register;
using HaiHau.InfoBot.Storage.Residents;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HaiHau.InfoBot.Host.Tests.Browser;

/// <summary>
/// The console for everyone who uses it (issue 13 §5–6): axe-core finds no critical or serious violation on any page
/// an admin or a commune officer reaches (every link of the menu, plus the steps and pages outside it), and on a
/// 390 px phone the household list and the announcements fit the screen without sideways scrolling of the page.
/// Both tests only read pages, so they share one host and its seeded data (<see cref="SeededConsole"/>).
/// </summary>
[Trait(BrowserSession.TraitName, BrowserSession.Category)]
[Scheduling.LongRunning(39)]
public sealed class ConsoleAccessibilityTests(BrowserSession browser, ConsoleAccessibilityTests.SeededConsole console)
    : IClassFixture<BrowserSession>, IClassFixture<ConsoleAccessibilityTests.SeededConsole>
{
    private const float Wait = BrowserSession.Timeout;
    private const string Admin = "admin@haihau.test";
    private const string Officer = "hai-an@haihau.test";
    private const string Period = "year=2022&from=2022-01-01&to=2022-12-31";
    private static readonly string[] Blocking = ["critical", "serious"];

    [Fact]
    public async Task No_console_page_has_a_critical_or_serious_accessibility_violation_for_an_admin_or_a_commune_officer()
    {
        var (baseUrl, broadcast) = (console.BaseUrl, console.Broadcast);
        var found = new List<string>();
        var visited = new List<string>();

        var anonymous = await browser.OpenConsoleAsync();
        try
        {
            // The check can fail: an unlabelled field, as the compose form's date and time once were, is critical to axe.
            await anonymous.SetContentAsync("<!doctype html><html lang=\"vi\"><head><title>t</title></head><body><main><input type=\"date\"></main></body></html>");
            Assert.Contains((await AxeInPage.ViolationsAsync(anonymous)).Violations, v => v.Id == "label" && Blocking.Contains(v.Impact));

            await CheckAsync(anonymous, baseUrl + "/admin/login", found, visited);
        }
        finally
        {
            await browser.ReleaseAsync(anonymous);
        }

        foreach (var (email, extras) in new[]
        {
            (Admin, new[] { "/admin/broadcasts/new", $"/admin/broadcasts?cancel={broadcast}", "/admin/jobs?expire=VL-01", "/admin/trang-khong-co" }),
            (Officer, new[] { "/admin/households/list?" + Period, "/admin/households/list?" + Period + "&reached=no", $"/admin/broadcasts?cancel={broadcast}", "/admin/broadcasts/new" }),
        })
        {
            var page = await SignedInAsync(baseUrl, email);
            try
            {
                // Every page of the menu, whoever added it, then the pages reached from within.
                var menu = await page.Locator("header nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
                foreach (var path in menu.Concat(extras).Distinct(StringComparer.Ordinal))
                {
                    await CheckAsync(page, baseUrl + path, found, visited);
                }
            }
            finally
            {
                await browser.ReleaseAsync(page);
            }
        }

        Assert.True(visited.Count >= 15, string.Join("\n", visited));
        Assert.True(found.Count == 0, "axe-core found:\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task On_a_390_px_phone_the_household_list_and_the_announcements_fit_the_screen()
    {
        var baseUrl = console.BaseUrl;
        var page = await SignedInAsync(baseUrl, Officer, new ViewportSize { Width = 390, Height = 844 });
        try
        {
            foreach (var (path, firstRow) in new[] { ("/admin/households/list?" + Period, "#households tbody tr"), ("/admin/broadcasts", "#broadcasts tbody tr"), ("/admin/residents", "#waiting tbody tr") })
            {
                await page.GotoAsync(baseUrl + path);
                var row = page.Locator(firstRow).First;
                await Expect(row).ToBeVisibleAsync(new() { Timeout = Wait });
                var (scroll, client) = await PageWidthAsync(page);
                Assert.True(scroll <= client, $"{path}: the page is {scroll} px wide on a {client} px screen");
                var box = await row.BoundingBoxAsync();
                Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= client, $"{path}: the first row does not fit the screen ({box?.X}+{box?.Width})");
            }

            // The stacked rows name each value: the household's reach reads as words on the phone.
            await page.GotoAsync(baseUrl + "/admin/households/list?" + Period);
            await Expect(page.Locator("#households tr[data-code='HA-002'] td.reached")).ToHaveTextAsync("Chưa tiếp cận", new() { Timeout = Wait });
            await Expect(page.Locator("#households tr[data-code='HA-002'] td.reached")).ToBeVisibleAsync(new() { Timeout = Wait });
        }
        finally
        {
            await browser.ReleaseAsync(page);
        }
    }

    private static async Task CheckAsync(IPage page, string url, List<string> found, List<string> visited)
    {
        await page.GotoAsync(url);
        // The stylesheet is part of what axe judges (contrast, hidden text): the page must have it.
        await Expect(page.Locator("header.top")).ToHaveCSSAsync("display", "flex", new() { Timeout = Wait });
        var results = await AxeInPage.ViolationsAsync(page);
        visited.Add(page.Url);
        found.AddRange(results.Violations.Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{page.Url}: {v.Impact} {v.Id} – {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
    }

    private static async Task<(int Scroll, int Client)> PageWidthAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (widths[0], widths[1]);
    }

    private async Task<IPage> SignedInAsync(string baseUrl, string email, ViewportSize? viewport = null)
    {
        var page = await browser.OpenConsoleAsync(viewport);
        await page.GotoAsync(baseUrl + "/admin/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", ConsoleClient.Password);
        await page.ClickAsync("button[type=submit]:has-text('Đăng nhập')");
        await Expect(page.Locator("#scope")).ToBeVisibleAsync(new() { Timeout = Wait });
        return page;
    }

    /// <summary>
    /// The class's host on a real port, with its accounts and data (issue 15: each test started and seeded its own).
    /// The tests only open pages (a confirmation step is a page too), so neither sees anything the other did.
    /// </summary>
    public sealed class SeededConsole : IAsyncLifetime, IDisposable
    {
        private readonly TempDirectory _folder = new();
        private InfoBotApp? _app;

        /// <summary>The host's address, without the trailing slash.</summary>
        public string BaseUrl { get; private set; } = "";

        /// <summary>The seeded announcement for Hải An (its cancel step is one of the pages checked).</summary>
        public long Broadcast { get; private set; }

        public async Task InitializeAsync()
        {
            // A UTC clock, as in production (SQLite compares the stored instants as text); 8:00 in Hải Hậu.
            _app = new InfoBotApp(_folder.SqliteConnectionString(), new FakeTimeProvider(new DateTimeOffset(2022, 9, 15, 8, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime()));
            _app.StartOnLoopback();
            await ConsoleClient.CreateAccountAsync(_app, Admin, ConsoleRoles.Admin);
            await ConsoleClient.CreateAccountAsync(_app, Officer, ConsoleRoles.Officer, "hai-an");
            BaseUrl = _app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
            Broadcast = await SeedAsync(_app);
        }

        public async Task DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }

        /// <summary>After <see cref="DisposeAsync"/> (xunit calls both): the host has let go of its database file.</summary>
        public void Dispose() => _folder.Dispose();

        /// <summary>Hải An's list (one household reached and linked), a registration waiting, a job, and an announcement for Hải An; returns its id.</summary>
        private static async Task<long> SeedAsync(InfoBotApp app)
        {
            var import = await app.Services.GetRequiredService<HouseholdImporter>().ImportAsync(
            [
                new HouseholdRow(2, "HA-001", "Hải An", "Xóm 1", "nghèo", "Nguyễn Văn An", null),
                new HouseholdRow(3, "HA-002", "Hải An", "Xóm Trung Đồng Tây Giáp Biển", "cận nghèo", "Trần Thị Bình Phương Hoa Hồng Nhung", null),
                new HouseholdRow(4, "HH-001", "Hải Hưng", "Xóm 1", "nghèo", "Lê Văn Cường", null),
            ], new ImportRequest(2022, "ds.csv", null, false, new AuditEntry("t", "t", AuditActions.HouseholdsImported)), CancellationToken.None);
            Assert.True(import.Applied);
            await ListingSeed.ImportedAsync(app, ListingSeed.Job("VL-01", "hai-an"));
            var id = await app.Services.GetRequiredService<BroadcastStore>().CreateAsync(new BroadcastDraft(
                "Mời các hộ cận nghèo của xã Hải An họp xét thẻ bảo hiểm y tế năm 2023 lúc 14 giờ thứ Bảy tại nhà văn hóa xóm.", null,
                new Segment(["hai-an"], [], [], []), app.Time.GetUtcNow().AddDays(1), Officer), CancellationToken.None);

            await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
            var ha001 = await db.Households.SingleAsync(h => h.Code == "HA-001");
            db.ResidentProfiles.Add(new ResidentProfileRecord
            {
                Conversation = new ConversationRecord { Channel = "web", ChatId = "w1", UserId = "w1" }, Channel = "web", ConsentStatistics = true, CommuneCode = "hai-an", HouseholdId = ha001.Id,
            });
            db.ResidentProfiles.Add(new ResidentProfileRecord
            {
                Conversation = new ConversationRecord { Channel = "telegram", ChatId = "t1", UserId = "t1" }, Channel = "telegram", ConsentStatistics = true, CommuneCode = "hai-an",
                DeclaredCategory = DeclaredCategories.NearPoor,
            });
            await db.SaveChangesAsync();
            return id;
        }
    }
}
