using System.Threading.Channels;
using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Host.Channels;

/// <summary>A stored message whose turn has not run yet.</summary>
public sealed record StoredMessage(long InboxId, InboundMessage Message);

/// <summary>
/// Hands stored messages from the webhook (which has already answered 200) to the <see cref="InboxWorker"/>.
/// In memory only: what it loses in a crash is still pending in the inbox, and the start-up recovery finishes it.
/// </summary>
public sealed class PendingTurns
{
    private readonly Channel<StoredMessage> _queue = Channel.CreateUnbounded<StoredMessage>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(StoredMessage message) => _queue.Writer.TryWrite(message);

    public IAsyncEnumerable<StoredMessage> ReadAllAsync(CancellationToken ct) => _queue.Reader.ReadAllAsync(ct);
}
