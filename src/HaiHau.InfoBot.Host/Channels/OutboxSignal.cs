using System.Collections.Concurrent;
using System.Threading.Channels;

namespace HaiHau.InfoBot.Host.Channels;

/// <summary>
/// Wakes a background loop by key: a channel's sender when replies are queued (so they go out at once, not at the
/// next poll), or the announcement scheduler when an officer sends now.
/// </summary>
public sealed class OutboxSignal
{
    private readonly ConcurrentDictionary<string, Channel<bool>> _wakes = new(StringComparer.Ordinal);

    public void Wake(string channel) => For(channel).Writer.TryWrite(true);

    /// <summary>Waits for a wake-up; many wake-ups while the sender was busy count as one.</summary>
    public async Task WaitAsync(string channel, CancellationToken ct) => await For(channel).Reader.ReadAsync(ct);

    private Channel<bool> For(string channel) =>
        _wakes.GetOrAdd(channel, _ => Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite }));
}
