using System.Threading.Channels;
using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Host.Channels;

/// <summary>A stored message whose turn has not run yet.</summary>
public sealed record StoredMessage(long InboxId, InboundMessage Message);

/// <summary>
/// Hands stored messages from the webhook (which has already answered 200) to the <see cref="InboxWorker"/>, in
/// <see cref="Lanes"/> queues chosen by chat: a chat's messages always share one lane, so they run in arrival order,
/// while other chats' turns run beside them instead of waiting behind them (one queue for everyone measured 19–42 turns/s
/// end to end; each turn's reads and engine work waited for the turn before it and for the sender's writes).
/// In memory only: what it loses in a crash is still pending in the inbox, and the start-up recovery finishes it.
/// </summary>
public sealed class PendingTurns
{
    /// <summary>
    /// Turns in progress at once, at most. SQLite still writes one at a time (SqliteWriteGate); the lanes overlap the
    /// rest of a turn (reads, the engine) with other turns' writes. Enough to keep two cores busy, few enough that a burst
    /// does not open a connection per resident.
    /// </summary>
    public const int Lanes = 16;

    private readonly Channel<StoredMessage>[] _lanes = Enumerable.Range(0, Lanes)
        .Select(_ => Channel.CreateUnbounded<StoredMessage>(new UnboundedChannelOptions { SingleReader = true }))
        .ToArray();

    /// <summary>The lane of a chat (the same for all its messages while the process lives).</summary>
    public static int LaneOf(ConversationRef who) => (int)((uint)HashCode.Combine(who.Channel, who.ChatId) % Lanes);

    public void Enqueue(StoredMessage message) => _lanes[LaneOf(message.Message.From)].Writer.TryWrite(message);

    public IAsyncEnumerable<StoredMessage> ReadAllAsync(int lane, CancellationToken ct) => _lanes[lane].Reader.ReadAllAsync(ct);
}
