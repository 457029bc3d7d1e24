using System.Net;
using HaiHau.InfoBot.Host.OfficerConsole;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.OfficerConsole;

/// <summary>
/// Walks every endpoint the app maps under /admin and /api/admin (from the EndpointDataSource, so a page or API
/// added later is covered without touching this test) and proves that anonymous callers, accounts without a
/// console role and accounts with a wrong role are all refused, by GET and by POST.
/// </summary>
public sealed class EndpointAccessTests : HostTestBase
{
    // Pages anyone may open: they show no data (an unknown address shows the friendly not-found page).
    private static readonly string[] OpenToAnyone = ["/admin/login", "/admin/access-denied", "/admin/not-found", "/admin/1"]; // "/admin/1": the fallback /admin/{**path}, made concrete

    [Fact]
    public async Task Every_console_endpoint_refuses_anonymous_roleless_and_wrong_role_requests()
    {
        await using var app = NewApp();
        var endpoints = await ConsoleEndpointsAsync(app);
        Assert.True(endpoints.Count >= 9, $"only {endpoints.Count} console endpoints found: {string.Join(", ", endpoints.Select(e => e.Path))}");

        var anonymous = ConsoleClient.Anonymous(app);
        await ConsoleClient.CreateAccountAsync(app, "khong-vai-tro@haihau.test", role: null);
        var accounts = new Dictionary<string, ConsoleClient> { ["(none)"] = await SignIn(app, "khong-vai-tro@haihau.test") };
        foreach (var role in ConsoleRoles.All)
        {
            await ConsoleClient.CreateAccountAsync(app, $"{role.ToLowerInvariant()}@haihau.test", role);
            accounts[role] = await SignIn(app, $"{role.ToLowerInvariant()}@haihau.test");
        }

        var checkedCount = 0;
        foreach (var endpoint in endpoints.Where(e => !OpenToAnyone.Contains(e.Path)))
        {
            var allowed = await AllowedRolesAsync(app, endpoint.Endpoint);
            Assert.True(allowed.Count > 0, $"{endpoint.Path} has no role requirement");
            // The methods the endpoint answers (a minimal API's), or GET and POST for a page.
            var methods = endpoint.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Select(m => new HttpMethod(m)).ToArray()
                ?? [HttpMethod.Get, HttpMethod.Post];
            foreach (var method in methods)
            {
                await AssertRefusedAsync(anonymous, method, endpoint.Path, "/admin/login", HttpStatusCode.Unauthorized);
                foreach (var (role, client) in accounts.Where(a => !allowed.Contains(a.Key)))
                {
                    await AssertRefusedAsync(client, method, endpoint.Path, "/admin/access-denied", HttpStatusCode.Forbidden, role);
                    checkedCount++;
                }
            }
        }

        Assert.True(checkedCount > 0);
    }

    [Fact]
    public async Task Only_the_sign_in_and_access_denied_pages_are_open_to_anyone()
    {
        await using var app = NewApp();
        var open = (await ConsoleEndpointsAsync(app)).Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.Path).Order().ToList();

        Assert.Equal(OpenToAnyone.Order(), open);
    }

    private static async Task<ConsoleClient> SignIn(InfoBotApp app, string email) => await ConsoleClient.SignedInAsync(app, email);

    private static async Task<List<(string Path, RouteEndpoint Endpoint)>> ConsoleEndpointsAsync(InfoBotApp app)
    {
        // The console is built on its first request (ConsoleBranch): make one, as an officer would.
        using var first = await ConsoleClient.Anonymous(app).Http.GetAsync(new Uri("/admin/login", UriKind.Relative));
        return ConsoleEndpoints(app);
    }

    private static List<(string Path, RouteEndpoint Endpoint)> ConsoleEndpoints(InfoBotApp app) =>
        ConsoleClient.Services(app.Services).GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Path: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), Endpoint: e))
            .Where(e => e.Path.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) || e.Path.StartsWith("/api/admin", StringComparison.OrdinalIgnoreCase))
            .Select(e => (Concrete(e.Path), e.Endpoint))
            .DistinctBy(e => e.Item1)
            .ToList();

    // Route parameters get a plausible value; authorization runs before anything reads them.
    private static string Concrete(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern, "\\{[^}]+\\}", "1");

    /// <summary>The roles every authorization requirement of the endpoint accepts (their intersection).</summary>
    private static async Task<HashSet<string>> AllowedRolesAsync(InfoBotApp app, Microsoft.AspNetCore.Http.Endpoint endpoint)
    {
        var provider = ConsoleClient.Services(app.Services).GetRequiredService<IAuthorizationPolicyProvider>();
        var policy = await AuthorizationPolicy.CombineAsync(provider, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        var allowed = new HashSet<string>(ConsoleRoles.All);
        foreach (var roles in policy?.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>() ?? [])
        {
            allowed.IntersectWith(roles.AllowedRoles);
        }

        return policy is null ? [] : allowed;
    }

    private static async Task AssertRefusedAsync(ConsoleClient client, HttpMethod method, string path, string redirectTo, HttpStatusCode apiStatus, string who = "anonymous")
    {
        using var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post)
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string>());
        }

        using var response = await client.Http.SendAsync(request);
        var refused = path.StartsWith("/api/", StringComparison.Ordinal)
            ? response.StatusCode == apiStatus
            : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath.Equals(redirectTo, StringComparison.OrdinalIgnoreCase) == true
                || response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith(redirectTo, StringComparison.OrdinalIgnoreCase) == true;
        Assert.True(refused, $"{method} {path} as {who}: {(int)response.StatusCode} {response.Headers.Location}");
    }
}
