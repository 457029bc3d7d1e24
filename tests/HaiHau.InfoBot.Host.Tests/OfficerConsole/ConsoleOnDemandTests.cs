using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.WebChat;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.OfficerConsole;

/// <summary>
/// The console (Identity, cookies, anti-forgery, Razor Pages) lives in a container of its own built on the first
/// request under /admin or /api/admin, not at start (issue 15: memory and start-up of hosts most of which only serve
/// residents). An officer who comes after residents have chatted still signs in and sees the console.
/// </summary>
public sealed class ConsoleOnDemandTests : HostTestBase
{
    [Fact]
    public async Task An_officer_signs_in_and_sees_the_console_after_residents_chatted_and_not_before_is_the_console_built()
    {
        await using var app = NewApp();
        var chat = new WebChatClient(app.CreateClient());
        var start = await chat.StartAsync();
        var answer = await chat.SendAsync(start.ConversationId, "hộ nghèo là gì");
        var console = app.Services.GetRequiredService<ConsoleBranch>();
        var builtWhileResidentsChatted = console.IsBuilt;

        await ConsoleClient.CreateAccountAsync(app, "hai-an@haihau.test", ConsoleRoles.Officer, commune: "Hải An");
        var officer = await ConsoleClient.SignedInAsync(app, "hai-an@haihau.test");
        var home = await officer.PageAsync("/admin");

        Assert.NotEmpty(answer.Replies);
        Assert.False(builtWhileResidentsChatted); // fails if a start-up or resident path builds the console again
        Assert.Contains("Xã Hải An", home, StringComparison.Ordinal);
        Assert.True(console.IsBuilt);
    }

    [Fact]
    public async Task The_residents_container_holds_no_sign_in_forms_or_accounts()
    {
        await using var app = NewApp();

        // Fails if the console's stack is registered in the app's own container again (it then loads at every start).
        Assert.Null(app.Services.GetService<IAntiforgery>());
        Assert.Null(app.Services.GetService<IAuthenticationSchemeProvider>());
        Assert.Null(app.Services.GetService<UserManager<IdentityUser>>());
        Assert.NotNull(ConsoleClient.Services(app.Services).GetService<IAntiforgery>());
    }
}
