using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.WebChat;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.OfficerConsole;

/// <summary>
/// The console's pages are mapped on the first request under /admin, not at start (issue 15: memory and start-up of
/// hosts most of which only serve residents). An officer who comes after residents have chatted still signs in and
/// sees the console.
/// </summary>
public sealed class ConsolePagesOnDemandTests : HostTestBase
{
    [Fact]
    public async Task An_officer_signs_in_and_sees_the_console_after_residents_chatted_and_not_before_are_its_pages_mapped()
    {
        await using var app = NewApp();
        await ConsoleClient.CreateAccountAsync(app, "hai-an@haihau.test", ConsoleRoles.Officer, commune: "Hải An");
        var chat = new WebChatClient(app.CreateClient());
        var start = await chat.StartAsync();
        var answer = await chat.SendAsync(start.ConversationId, "hộ nghèo là gì");
        var mappedWhileResidentsChatted = PagePaths(app);

        var officer = await ConsoleClient.SignedInAsync(app, "hai-an@haihau.test");
        var home = await officer.PageAsync("/admin");

        Assert.NotEmpty(answer.Replies);
        Assert.DoesNotContain("/admin/login", mappedWhileResidentsChatted); // fails if a start-up or resident path maps the pages again
        Assert.Contains("Xã Hải An", home, StringComparison.Ordinal);
        Assert.Contains("/admin/login", PagePaths(app));
    }

    private static List<string> PagePaths(InfoBotApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .ToList();
}
