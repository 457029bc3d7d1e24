using HaiHau.InfoBot.Core.Broadcasts;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// The ZNS template an announcement goes by, as officers mapped it on the console; null when it chose none, or the
/// template is gone or has a parameter no longer mapped (then it is not sent by ZNS).
/// </summary>
public interface IZnsTemplateBook
{
    Task<ZnsBroadcastTemplate?> ForBroadcastAsync(long broadcastId, CancellationToken ct);
}
