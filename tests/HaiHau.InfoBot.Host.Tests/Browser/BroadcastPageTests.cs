using HaiHau.InfoBot.Host.Broadcasts;
using HaiHau.InfoBot.Host.Channels;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.Channels;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Residents;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HaiHau.InfoBot.Host.Tests.Browser;

/// <summary>
/// An officer in a real browser: compose, preview the count, schedule for later, and watch the progress once the
/// (fake) clock reaches the time and the scripted channel has delivered. The host is the real one on Kestrel.
/// </summary>
[Trait(BrowserSession.TraitName, BrowserSession.Category)]
public sealed class BroadcastPageTests(BrowserSession browser) : IClassFixture<BrowserSession>, IDisposable
{
    private const float Wait = BrowserSession.Timeout;
    private static readonly DateTimeOffset Morning = new(2022, 9, 15, 8, 0, 0, TimeSpan.FromHours(7));
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Officer_composes_previews_the_count_schedules_and_sees_the_delivery()
    {
        // A UTC clock, as in production: SQLite compares the stored instants as text, and the page stores UTC.
        await using var app = new ScriptedChannelApp(folder.SqliteConnectionString(), new FakeTimeProvider(Morning.ToUniversalTime()));
        app.StartOnLoopback();
        var baseUrl = app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        await SeedAsync(app);
        await ConsoleClient.CreateAccountAsync(app, "haichau@haihau.test", ConsoleRoles.Officer, "hai-thinh");

        var page = await browser.OpenConsoleAsync();
        try
        {
            await page.GotoAsync(baseUrl + "/admin/login");
            await page.FillAsync("#email", "haichau@haihau.test");
            await page.FillAsync("#password", ConsoleClient.Password);
            await page.ClickAsync("button[type=submit]:has-text('Đăng nhập')");
            await page.GotoAsync(baseUrl + "/admin/broadcasts/new");

            await page.FillAsync("#text", "Mời các hộ cận nghèo họp xét BHYT lúc 14 giờ tại nhà văn hóa.");
            await page.CheckAsync("input[name=Categories][value=can-ngheo]");
            await page.ClickAsync("#preview");
            await Expect(page.Locator("#audience-count")).ToContainTextAsync("3", new() { Timeout = Wait }); // not the poor one, not Hải Hậu's
            await Expect(page.Locator("#preview-zalo")).ToContainTextAsync("giới hạn 2.000 ký tự", new() { Timeout = Wait });

            await page.CheckAsync("input[name=When][value=later]");
            await page.FillAsync("#date", "2022-09-15");
            await page.FillAsync("#time", "09:00");
            await page.ClickAsync("#send");
            var row = page.Locator("#broadcasts tbody tr").First;
            await Expect(row.Locator(".state")).ToHaveTextAsync("Đã hẹn giờ", new() { Timeout = Wait });
            Assert.Empty(app.Channel.Sent);
            await using (var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync())
            {
                var stored = await db.Broadcasts.AsNoTracking().SingleAsync();
                Assert.Equal((Core.Broadcasts.BroadcastState.Scheduled, Morning.AddHours(1).ToUniversalTime()), (stored.State, stored.ScheduledAt));
            }

            // Nine o'clock in Hải Hậu: the scheduler fans it out and the scripted platform receives it.
            await AdvanceSchedulerToAsync(app, Morning.AddHours(1).ToUniversalTime());
            await app.RunClockUntilAsync(() => app.Channel.Sent.Count >= 3);
            Assert.Equal(["c0", "c3", "c6"], app.Channel.Sent.Select(s => s.ChatId).Order(StringComparer.Ordinal));

            await page.ReloadAsync();
            await Expect(row.Locator(".targeted")).ToHaveTextAsync("3", new() { Timeout = Wait });
            await Expect(row.Locator(".sent")).ToHaveTextAsync("3", new() { Timeout = Wait });
            await Expect(row.Locator(".pending")).ToHaveTextAsync("0", new() { Timeout = Wait });
        }
        finally
        {
            await browser.ReleaseAsync(page);
        }
    }

    /// <summary>Hải Thịnh: c0, c3, c6 near-poor, c1 poor; Hải Hậu: n0 near-poor. All on the scripted channel.</summary>
    private static async Task SeedAsync(ScriptedChannelApp app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        foreach (var (chat, commune, category) in new[] { ("c0", "hai-thinh", "can-ngheo"), ("c1", "hai-thinh", "ngheo"), ("c3", "hai-thinh", "can-ngheo"), ("c6", "hai-thinh", "can-ngheo"), ("n0", "hai-hau", "can-ngheo") })
        {
            db.ResidentProfiles.Add(new ResidentProfileRecord
            {
                Conversation = new ConversationRecord { Channel = ScriptedChannel.Name, ChatId = chat, UserId = chat },
                Channel = ScriptedChannel.Name, ConsentAnnouncements = true, CommuneCode = commune, DeclaredCategory = category,
            });
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Moves the clock to <paramref name="target"/> once the scheduler sleeps (a fresh round, so the move follows its choice of wake-up).</summary>
    private static async Task AdvanceSchedulerToAsync(ScriptedChannelApp app, DateTimeOffset target)
    {
        var scheduler = app.Services.GetRequiredService<BroadcastScheduler>();
        var fannedOut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var asleep = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnAsleep(DateTimeOffset until) => asleep.TrySetResult();
        void OnFannedOut(long id, int targeted) => fannedOut.TrySetResult();
        scheduler.Asleep += OnAsleep;
        scheduler.FannedOut += OnFannedOut;
        try
        {
            app.Services.GetRequiredService<OutboxSignal>().Wake(BroadcastScheduler.WakeKey);
            await asleep.Task.WaitAsync(TimeSpan.FromSeconds(20));
            app.Time.SetUtcNow(target);
            await fannedOut.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        finally
        {
            scheduler.Asleep -= OnAsleep;
            scheduler.FannedOut -= OnFannedOut;
        }
    }
}
