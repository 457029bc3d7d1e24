using System.Collections.Concurrent;

namespace HaiHau.InfoBot.Host.Health;

/// <summary>
/// Which channels' HTTP circuits are open right now, as the resilience pipelines report it. While a circuit is open
/// calls fail at once without reaching the platform, so readiness names the channel until the circuit closes again.
/// </summary>
public sealed class ChannelCircuits
{
    private readonly ConcurrentDictionary<string, bool> _open = new(StringComparer.Ordinal);

    public bool IsOpen(string channel) => _open.TryGetValue(channel, out var open) && open;

    public void Opened(string channel) => _open[channel] = true;

    public void Closed(string channel) => _open[channel] = false;
}
