using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Threading.RateLimiting;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.Tests.Hardening;

/// <summary>
/// Per-address limits (issue 14): conversation starts and sign-in posts are rate limited per client address; a
/// stranger's wrong guesses cannot lock an officer out; an unknown account costs the same time as a known one.
/// </summary>
public sealed class InboundLimitTests : HostTestBase
{
    private const string Officer = "can-bo@haihau.test";
    private const string Stranger = "203.0.113.9";
    private const string OfficersDesk = "198.51.100.7";
    private const string Locked = "Tài khoản đang bị khóa tạm thời";

    [Fact]
    public async Task A_strangers_wrong_guesses_lock_only_the_stranger_and_the_officer_still_signs_in()
    {
        await using var app = NewApp();
        await using var web = ClientAddress.On(app);
        await CreateOfficerAsync(web);
        var stranger = new ConsoleClient(ClientAddress.Client(web, Stranger));

        HttpResponseMessage last = null!;
        for (var i = 0; i < 6; i++)
        {
            last = await stranger.SignInAsync(Officer, "doan-mat-khau-" + i);
        }

        var strangerWithTheRightPassword = await stranger.SignInAsync(Officer, ConsoleClient.Password);
        var officer = await new ConsoleClient(ClientAddress.Client(web, OfficersDesk)).SignInAsync(Officer, ConsoleClient.Password);

        Assert.Contains(Locked, await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(Locked, await strangerWithTheRightPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, officer.StatusCode); // signed in from the officer's own desk
    }

    [Fact]
    public async Task A_stopped_host_lets_go_of_its_limiter_and_the_timer_it_keeps()
    {
        PartitionedRateLimiter<HttpContext> limiter;
        await using (var app = NewApp())
        {
            limiter = app.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;
            Assert.True(limiter.AttemptAcquire(new DefaultHttpContext()).IsAcquired);
        }

        // Disposed with its host: a limiter left running wakes ten times a second for as long as the process lives.
        Assert.Throws<ObjectDisposedException>(() => limiter.AttemptAcquire(new DefaultHttpContext()));
    }

    [Fact]
    public async Task Sign_in_posts_are_limited_per_address()
    {
        await using var app = NewApp(settings: new Dictionary<string, string?> { ["InfoBot:RateLimits:LoginAttemptsPer15Minutes"] = "5" });
        await using var web = ClientAddress.On(app);
        await CreateOfficerAsync(web);
        var stranger = new ConsoleClient(ClientAddress.Client(web, Stranger));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await stranger.SignInAsync("khong-co-" + i + "@haihau.test", "doan-mat-khau")).StatusCode);
        }

        var officer = await new ConsoleClient(ClientAddress.Client(web, OfficersDesk)).SignInAsync(Officer, ConsoleClient.Password);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Redirect, officer.StatusCode);
    }

    [Fact]
    public async Task Starting_conversations_is_limited_per_address_and_a_refused_start_stores_nothing()
    {
        await using var app = NewApp(settings: new Dictionary<string, string?> { ["InfoBot:RateLimits:ConversationStartsPerMinute"] = "3" });
        await using var web = ClientAddress.On(app);
        var flood = ClientAddress.Client(web, Stranger);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await flood.PostAsync(new Uri("/api/webchat/conversations", UriKind.Relative), new StringContent("{}"));
            statuses.Add(last.StatusCode);
        }

        var neighbour = await ClientAddress.Client(web, OfficersDesk).PostAsync(new Uri("/api/webchat/conversations", UriKind.Relative), new StringContent("{}"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last.Headers.RetryAfter is not null);
        using (var error = JsonDocument.Parse(await last.Content.ReadAsStringAsync()))
        {
            Assert.Contains("đợi một lát", error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
        await using var db = await web.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        Assert.Equal(4, await db.Conversations.CountAsync());
    }

    [Fact]
    public async Task An_unknown_account_takes_as_long_to_refuse_as_a_wrong_password()
    {
        // Production's hash rounds (Identity's 100,000): at the tests' 1,000 a hash costs about a millisecond, and the
        // medians (1 against 5 ms on a loaded machine, 7 December) measured scheduling noise, not the hash this guards.
        await using var app = NewApp(settings: new Dictionary<string, string?> { [InfoBotApp.PasswordRoundsSetting] = "100000" });
        await using var web = ClientAddress.On(app);
        await CreateOfficerAsync(web);
        var client = new ConsoleClient(ClientAddress.Client(web, Stranger));
        await client.SignInAsync("khoi-dong@haihau.test", "x"); // warm-up: the first request builds the pages

        var unknown = new List<double>();
        var known = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            unknown.Add(await TimeAsync(() => client.SignInAsync($"khong-co-{i}@haihau.test", "doan-mat-khau")));
            known.Add(await TimeAsync(() => client.SignInAsync(Officer, "doan-mat-khau-" + i)));
        }

        // Before: 10 ms against 136–280 ms (a ratio near 0.05). Both now verify one password hash; the page around it is
        // the same, but a known account also goes through SignInManager, and with the whole suite running in parallel the
        // ratio was measured as low as 0.35: a quarter keeps the test red for the defect and green for scheduling noise.
        Assert.True(Median(unknown) >= 0.25 * Median(known), $"unknown {Median(unknown):F0} ms, known {Median(known):F0} ms");
    }

    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> signIn)
    {
        // The form's GET is inside the measure too; it costs the same for both.
        var watch = Stopwatch.StartNew();
        using var response = await signIn();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static async Task CreateOfficerAsync(WebApplicationFactory<Program> web)
    {
        using var scope = ConsoleClient.Services(web.Services).CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ConsoleAccounts>()
            .CreateAsync(Officer, ConsoleRoles.Officer, null, ConsoleClient.Password, new AuditEntry("test", "test", AuditActions.AccountCreated), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }
}
