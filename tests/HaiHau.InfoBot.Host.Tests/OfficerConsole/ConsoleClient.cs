using System.Net;
using System.Text.RegularExpressions;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Storage.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.OfficerConsole;

/// <summary>An officer's browser without a browser: cookies kept, redirects not followed, forms posted with their anti-forgery token.</summary>
public sealed partial class ConsoleClient(HttpClient http)
{
    public const string Password = "mat-khau-dai-2022";

    public HttpClient Http { get; } = http;

    public static ConsoleClient Anonymous(InfoBotApp app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Creates an account (no role when <paramref name="role"/> is null) through the same service as the verb.</summary>
    public static async Task CreateAccountAsync(InfoBotApp app, string email, string? role, string? commune = null)
    {
        using var scope = Services(app.Services).CreateScope();
        if (role is null)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var created = await users.CreateAsync(new IdentityUser { UserName = email, Email = email, EmailConfirmed = true }, Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            return;
        }

        var result = await scope.ServiceProvider.GetRequiredService<ConsoleAccounts>()
            .CreateAsync(email, role, commune, Password, new AuditEntry("test", "test", AuditActions.AccountCreated), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    /// <summary>The console's own services (Identity, its endpoints and policies), built on first use as an officer's first request would.</summary>
    public static IServiceProvider Services(IServiceProvider app) => app.GetRequiredService<ConsoleBranch>().Services;

    public static async Task<ConsoleClient> SignedInAsync(InfoBotApp app, string email, string password = Password)
    {
        var client = Anonymous(app);
        var response = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await PostFormAsync("/admin/login", new Dictionary<string, string> { ["email"] = email, ["password"] = password });

    /// <summary>GETs the page for its form's anti-forgery token, then posts the fields with it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields, string? tokenFrom = null)
    {
        var token = await TokenAsync(tokenFrom ?? path);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(form);
        return await Http.PostAsync(path, content);
    }

    public async Task<string> TokenAsync(string path)
    {
        var page = await Http.GetStringAsync(path);
        return TokenPattern().Match(page) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"{path} has no anti-forgery token");
    }

    public async Task<string> PageAsync(string path)
    {
        var response = await Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
