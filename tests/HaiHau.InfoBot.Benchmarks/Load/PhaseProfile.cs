using System.Diagnostics;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Benchmarks.Load;

/// <param name="TurnMs">One whole web chat turn as WebChatApi runs it (TurnProcessor.RunNowAsync): reads, engine, one write.</param>
/// <param name="ContextOpenMs">One DbContext from the factory, its connection opened (the PRAGMA interceptor runs) and closed.</param>
public sealed record PhaseTimes(int Turns, double TurnMs, double EngineMs, double ContextOpenMs);

/// <summary>
/// A rough profile of one web chat turn without HTTP: the turn as WebChatApi.PostAsync runs it, timed with a
/// Stopwatch (mean ms). The engine is timed alone on the same inputs, so TurnMs minus EngineMs is what storage costs.
/// </summary>
public static class PhaseProfile
{
    private static readonly (string? Choice, string? Text)[] Script = [("bhyt", null), ("ngheo", null), ("no", null), (null, "menu")];

    public static async Task<PhaseTimes> RunAsync(IServiceProvider services, int turns, CancellationToken ct)
    {
        var processor = services.GetRequiredService<TurnProcessor>();
        var engine = services.GetRequiredService<IDialogEngine>();
        var chat = "wprofile" + Guid.NewGuid().ToString("N");
        var from = new ConversationRef("web", chat, chat);

        var start = new InboundMessage(from, chat + ":start", DateTimeOffset.UtcNow, null, IsStart: true);
        await processor.RunNowAsync(start, requireConversation: false, ct);
        var state = engine.RunTurn(new ConversationState(), start).State;

        long turn = 0, pure = 0;
        for (var i = 0; i < turns; i++)
        {
            var (choice, text) = Script[i % Script.Length];
            var message = new InboundMessage(from, $"{chat}:{i}", DateTimeOffset.UtcNow, text, choice);

            var t0 = Stopwatch.GetTimestamp();
            await processor.RunNowAsync(message, requireConversation: true, ct);
            var t1 = Stopwatch.GetTimestamp();
            state = engine.RunTurn(state, message).State;
            var t2 = Stopwatch.GetTimestamp();

            turn += t1 - t0;
            pure += t2 - t1;
        }

        // Price one context round (create, open with the PRAGMAs, close) to compare with the turn.
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
        return new PhaseTimes(turns, Mean(turn), Mean(pure), Mean(open));
    }
}
