using System.Net;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.Hardening;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Storage;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Setup;

/// <summary>
/// Console sessions (issue 14): the Data Protection keys live in the database, so a sign-in cookie and a form's
/// anti-forgery token outlive the host that issued them; behind a known HTTPS proxy the cookie is Secure.
/// </summary>
public sealed class SessionsAcrossRestartsTests : HostTestBase
{
    private const string Officer = "can-bo@haihau.test";

    [Fact]
    public async Task A_form_token_and_a_sign_in_cookie_from_one_host_are_accepted_by_the_next_on_the_same_file()
    {
        var jar = new CookieContainer();
        string token;
        await using (var first = NewApp())
        {
            await ConsoleClient.CreateAccountAsync(first, Officer, ConsoleRoles.Officer);
            token = await new ConsoleClient(first.CreateDefaultClient(new CookieContainerHandler(jar))).TokenAsync("/admin/login");
        }

        HttpStatusCode signIn;
        await using (var second = NewApp())
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = Officer, ["password"] = ConsoleClient.Password, ["__RequestVerificationToken"] = token,
            });
            signIn = (await second.CreateDefaultClient(new CookieContainerHandler(jar)).PostAsync(new Uri("/admin/login", UriKind.Relative), form)).StatusCode;
        }

        await using var third = NewApp();
        var console = await third.CreateDefaultClient(new CookieContainerHandler(jar)).GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signIn); // the first host's token still valid: signed in
        Assert.Equal(HttpStatusCode.OK, console.StatusCode); // the second host's cookie still valid: no trip to the login page
        await using var db = await third.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        Assert.NotEmpty(await db.Database.SqlQueryRaw<string>("SELECT FriendlyName AS Value FROM data_protection_keys").ToListAsync());
    }

    [Fact]
    public async Task The_key_ring_is_made_on_the_first_console_page_not_when_a_host_starts_for_residents()
    {
        await using var app = NewApp();
        await new WebChat.WebChatClient(app.CreateClient()).StartAsync(); // a resident's conversation: no key needed
        var keysAfterResident = await KeyTableCountAsync(app);

        await new ConsoleClient(app.CreateClient()).TokenAsync("/admin/login");

        // Data Protection's own start-up read of the ring is removed (issue 15: it loaded the XML stack into every
        // host); should a framework update rename that service, the ring is read at start again and this fails.
        Assert.Equal(0, keysAfterResident);
        Assert.Equal(1, await KeyTableCountAsync(app));
    }

    /// <summary>Keys in the ring's table, 0 when the table does not exist yet (it is made on the ring's first read).</summary>
    private static async Task<int> KeyTableCountAsync(InfoBotApp app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        var tables = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM sqlite_master WHERE name = 'data_protection_keys'").SingleAsync();
        return tables == 0 ? 0 : await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM data_protection_keys").SingleAsync();
    }

    [Theory]
    [InlineData("10.0.0.1", true)] // the configured proxy says the resident came over HTTPS
    [InlineData("10.0.0.2", false)] // anyone else sending the header is not believed
    public async Task The_console_cookie_is_Secure_behind_the_known_HTTPS_proxy_only(string from, bool secure)
    {
        await using var app = NewApp(settings: new Dictionary<string, string?> { ["InfoBot:Proxy:KnownProxies:0"] = "10.0.0.1" });
        await using var web = ClientAddress.On(app);
        using (var scope = ConsoleClient.Services(web.Services).CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConsoleAccounts>().CreateAsync(
                Officer, ConsoleRoles.Officer, null, ConsoleClient.Password, new Storage.Audit.AuditEntry("test", "test", Storage.Audit.AuditActions.AccountCreated), CancellationToken.None);
        }

        var client = ClientAddress.Client(web, from);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var response = await new ConsoleClient(client).SignInAsync(Officer, ConsoleClient.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("infobot.console=", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }
}
