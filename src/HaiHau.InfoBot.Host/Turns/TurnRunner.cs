using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Storage;

namespace HaiHau.InfoBot.Host.Turns;

/// <summary>
/// The turn path for channels that answer in the same request (web chat, terminal chat):
/// persist the message, run its turn, then hand out the replies that turn queued.
/// </summary>
public sealed class TurnRunner(InboxStore inbox, TurnProcessor processor, OutboxReader outbox)
{
    public async Task<IReadOnlyList<DeliveredReply>> RunAsync(InboundMessage message, CancellationToken ct)
    {
        var (id, _) = await inbox.AddAsync(message, ct);
        // A duplicate is processed again only if its first run never finished; either way its replies come back.
        // A failing turn is tried up to three times now, so the resident gets an answer or an apology, never silence.
        for (var attempt = 0; attempt < 3 && !await processor.ProcessAsync(id, ct); attempt++)
        {
        }

        return await outbox.TakeForTurnAsync(id, ct);
    }
}
