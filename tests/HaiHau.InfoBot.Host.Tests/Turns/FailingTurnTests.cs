using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HaiHau.InfoBot.Host.Tests.Turns;

/// <summary>A turn that throws (a bug, a locked file) never leaves the resident in silence and never loses the message.</summary>
public sealed class FailingTurnTests : HostTestBase
{
    [Fact]
    public async Task A_turn_that_fails_once_is_retried_and_answered_in_the_same_request()
    {
        var failures = 1;
        await using var app = AppWithEngine(real => (state, message) =>
            message.ButtonPayload == "bhyt" && failures-- > 0 ? throw new IOException("database is locked") : real.RunTurn(state, message));
        var chat = new WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;

        var reply = await chat.SendAsync(id, choice: "bhyt");

        Assert.Contains("Hộ nhà bác đang thuộc diện nào?", reply.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_turn_that_keeps_failing_gets_an_apology_and_the_message_is_kept_as_failed()
    {
        await using var app = AppWithEngine(real => (state, message) =>
            message.ButtonPayload == "bhyt" ? throw new InvalidOperationException("bug") : real.RunTurn(state, message));
        var chat = new WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;

        var reply = await chat.SendAsync(id, choice: "bhyt", clientMessageId: "broken");

        Assert.Equal(TurnProcessor.FailureText, Assert.Single(reply.Replies).Text);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        var stored = await db.Inbox.SingleAsync(i => i.ExternalId == $"{id}:broken");
        Assert.Equal(InboxStatus.Failed, stored.Status);
        Assert.Equal(3, stored.Attempts);
        Assert.Equal("bhyt", stored.Payload);
    }

    private WebAppWithEngine AppWithEngine(Func<IDialogEngine, Func<ConversationState, InboundMessage, TurnResult>> behaviour) =>
        new(Folder.SqliteConnectionString(), behaviour);

    /// <summary>The real app with the engine wrapped by a narrow Moq seam that can throw.</summary>
    private sealed class WebAppWithEngine(string connectionString, Func<IDialogEngine, Func<ConversationState, InboundMessage, TurnResult>> behaviour)
        : InfoBotApp(connectionString, NewClock())
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IDialogEngine>(sp =>
            {
                var real = new DialogEngine(sp.GetRequiredService<DialogServices>());
                var run = behaviour(real);
                var engine = new Mock<IDialogEngine>(MockBehavior.Strict);
                engine.Setup(e => e.RunTurn(It.IsAny<ConversationState>(), It.IsAny<InboundMessage>()))
                    .Returns((ConversationState s, InboundMessage m) => run(s, m));
                return engine.Object;
            }));
        }
    }
}
