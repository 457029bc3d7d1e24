using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.Host.Turns;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HaiHau.InfoBot.Host.Tests.Setup;

/// <summary>
/// A restart is an outage for every channel until /health answers (issue 15: healthy within 1.5 s). The turn path's
/// warm-up therefore runs once the host has started, not before: residents and the health check are served while it
/// is still compiling, serve's heap compaction comes after it, and stopping the host waits for it instead of pulling
/// the store from under it.
/// </summary>
public sealed class WarmUpAfterStartTests : HostTestBase
{
    /// <summary>Long enough for any start on a busy machine; the warm-up is held far longer than this.</summary>
    private static readonly TimeSpan StartGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_host_answers_health_and_residents_while_the_warm_up_is_still_running()
    {
        using var hold = new WarmUpHold();
        await using var app = new AppWithHeldWarmUp(Folder.SqliteConnectionString(), hold);

        // On the old order the start itself waited for the warm-up, so this never returned while it was held.
        var client = await Task.Run(app.CreateClient).WaitAsync(StartGuard);
        await hold.Reached.Task.WaitAsync(StartGuard); // the warm-up did start, and is held now

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        var chat = new WebChatClient(client);
        var id = (await chat.StartAsync()).ConversationId;
        var reply = await chat.SendAsync(id, choice: "bhyt");

        Assert.True(health.IsSuccessStatusCode, $"/health answered {(int)health.StatusCode} during the warm-up");
        Assert.Contains("Hộ nhà bác đang thuộc diện nào?", reply.AllText, StringComparison.Ordinal);
        Assert.False(hold.Released.IsSet, "the warm-up was still held while the resident was answered");
        var initializer = app.Services.GetRequiredService<StoreInitializer>();
        Assert.False(initializer.WarmedUp.IsCompleted); // what serve's heap compaction waits for

        hold.Release();
        await initializer.WarmedUp.WaitAsync(StartGuard);
        await app.DisposeAsync().AsTask().WaitAsync(StartGuard); // stopping waits for the warm-up, then ends
        Assert.Equal(2, hold.WarmUpTurns); // both of the warm-up's engine turns ran to the end
    }

    /// <summary>Holds the warm-up's first engine turn (its conversation is "warmup") until released.</summary>
    private sealed class WarmUpHold : IDisposable
    {
        private int _warmUpTurns;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ManualResetEventSlim Released { get; } = new();

        public int WarmUpTurns => Volatile.Read(ref _warmUpTurns);

        public void Release() => Released.Set();

        public TurnResult Run(DialogEngine real, ConversationState state, InboundMessage message)
        {
            if (message.From.ChatId != "warmup")
            {
                return real.RunTurn(state, message);
            }

            if (message.IsStart)
            {
                Reached.TrySetResult();
                Released.Wait(TimeSpan.FromMinutes(5)); // a hang guard only: the test releases it
            }

            var result = real.RunTurn(state, message);
            Interlocked.Increment(ref _warmUpTurns);
            return result;
        }

        public void Dispose() => Released.Dispose();
    }

    /// <summary>The real app with the engine behind a narrow Moq seam that holds the warm-up's turn.</summary>
    private sealed class AppWithHeldWarmUp(string connectionString, WarmUpHold hold) : InfoBotApp(connectionString, NewClock())
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IDialogEngine>(sp =>
            {
                var real = new DialogEngine(sp.GetRequiredService<DialogServices>());
                var engine = new Mock<IDialogEngine>(MockBehavior.Strict);
                engine.Setup(e => e.RunTurn(It.IsAny<ConversationState>(), It.IsAny<InboundMessage>()))
                    .Returns((ConversationState s, InboundMessage m) => hold.Run(real, s, m));
                return engine.Object;
            }));
        }
    }
}
