using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// Several Zalo formats are not confirmed (channels.md §C: "mac=" or not, ids as strings or numbers, epoch seconds
/// or milliseconds …). Both variants are accepted; this says which one arrived: at Information the first time
/// each is seen in a run, so an operator learns it from the log, and at Debug after that.
/// </summary>
public sealed class ZaloFormatLog(ILogger<ZaloFormatLog> logger)
{
    private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.Ordinal);

    public void Seen(string what, string variant)
    {
        if (_seen.TryAdd(what + "\n" + variant, true))
        {
            logger.LogInformation("Zalo format: {What} arrived as {Variant}", what, variant);
        }
        else
        {
            logger.LogDebug("Zalo format: {What} arrived as {Variant}", what, variant);
        }
    }
}
