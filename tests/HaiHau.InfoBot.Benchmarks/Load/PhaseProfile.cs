using System.Diagnostics;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Benchmarks.Load;

/// <param name="ContextOpenMs">One DbContext from the factory, its connection opened (the PRAGMA interceptor runs) and closed.</param>
public sealed record PhaseTimes(int Turns, double ExistsMs, double InboxAddMs, double ProcessMs, double OutboxTakeMs, double EngineMs, double ContextOpenMs);

/// <summary>
/// A rough profile of one web chat turn without HTTP: the bot's own services, called one turn at a time in the
/// order WebChatApi.PostAsync calls them, each timed with a Stopwatch (mean ms). The engine is timed alone on the
/// same inputs, so ProcessMs minus EngineMs is what storage costs inside the turn transaction.
/// </summary>
public static class PhaseProfile
{
    private static readonly (string? Choice, string? Text)[] Script = [("bhyt", null), ("ngheo", null), ("no", null), (null, "menu")];

    public static async Task<PhaseTimes> RunAsync(IServiceProvider services, int turns, CancellationToken ct)
    {
        var inbox = services.GetRequiredService<InboxStore>();
        var processor = services.GetRequiredService<TurnProcessor>();
        var outbox = services.GetRequiredService<OutboxReader>();
        var engine = services.GetRequiredService<IDialogEngine>();
        var chat = "wprofile" + Guid.NewGuid().ToString("N");
        var from = new ConversationRef("web", chat, chat);

        var start = new InboundMessage(from, chat + ":start", DateTimeOffset.UtcNow, null, IsStart: true);
        await processor.ProcessAsync((await inbox.AddAsync(start, ct)).Id, ct);
        var state = engine.RunTurn(new ConversationState(), start).State;

        long exists = 0, add = 0, process = 0, take = 0, pure = 0;
        for (var i = 0; i < turns; i++)
        {
            var (choice, text) = Script[i % Script.Length];
            var message = new InboundMessage(from, $"{chat}:{i}", DateTimeOffset.UtcNow, text, choice);

            var t0 = Stopwatch.GetTimestamp();
            await outbox.ConversationExistsAsync("web", chat, ct);
            var t1 = Stopwatch.GetTimestamp();
            var (id, _) = await inbox.AddAsync(message, ct);
            var t2 = Stopwatch.GetTimestamp();
            await processor.ProcessAsync(id, ct);
            var t3 = Stopwatch.GetTimestamp();
            await outbox.TakeForTurnAsync(id, ct);
            var t4 = Stopwatch.GetTimestamp();
            state = engine.RunTurn(state, message).State;
            var t5 = Stopwatch.GetTimestamp();

            exists += t1 - t0;
            add += t2 - t1;
            process += t3 - t2;
            take += t4 - t3;
            pure += t5 - t4;
        }

        // A turn creates several contexts and opens a connection for each query or save: price one such round.
        var factory = services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>();
        var o0 = Stopwatch.GetTimestamp();
        for (var i = 0; i < turns; i++)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.CloseConnectionAsync();
        }

        var open = Stopwatch.GetTimestamp() - o0;

        double Mean(long ticks) => LatencyRecorder.Ms(ticks) / turns;
        return new PhaseTimes(turns, Mean(exists), Mean(add), Mean(process), Mean(take), Mean(pure), Mean(open));
    }
}
