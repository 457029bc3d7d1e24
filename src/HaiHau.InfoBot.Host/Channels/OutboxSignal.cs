using System.Collections.Concurrent;
using System.Threading.Channels;
using HaiHau.InfoBot.Storage;

namespace HaiHau.InfoBot.Host.Channels;

/// <summary>
/// Wakes a background loop by key: a channel's sender when replies are queued (so they go out at once, not at the
/// next poll), or the announcement scheduler when an officer sends now.
/// On PostgreSQL a wake-up also reaches the other hosts (<see cref="DatabaseWakeups"/>): the channel's sender or the
/// announcement scheduler may run on another host.
/// </summary>
public sealed class OutboxSignal(DatabaseWakeups? wakeups = null, ILogger<OutboxSignal>? logger = null)
{
    private readonly ConcurrentDictionary<string, Channel<bool>> _wakes = new(StringComparer.Ordinal);

    public void Wake(string channel)
    {
        WakeHere(channel);
        if (wakeups is { Enabled: true })
        {
            // Not awaited: the caller (a turn, an officer's click) must not wait on the other hosts; a lost one costs 30 s at most.
            _ = PublishAsync(wakeups, channel);
        }
    }

    /// <summary>Wakes this host's loop only (a wake-up that came from another host).</summary>
    public void WakeHere(string channel) => For(channel).Writer.TryWrite(true);

    /// <summary>Waits for a wake-up; many wake-ups while the sender was busy count as one.</summary>
    public async Task WaitAsync(string channel, CancellationToken ct) => await For(channel).Reader.ReadAsync(ct);

    private async Task PublishAsync(DatabaseWakeups to, string channel)
    {
        try
        {
            await to.PublishAsync(channel, CancellationToken.None);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            logger?.LogWarning("Wake-up for {Channel} not passed to the other hosts: {Error}", channel, ex.GetType().Name);
        }
    }

    private Channel<bool> For(string channel) =>
        _wakes.GetOrAdd(channel, _ => Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite }));
}
