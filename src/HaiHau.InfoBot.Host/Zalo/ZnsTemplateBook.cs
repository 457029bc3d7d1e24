using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Storage.Zns;

namespace HaiHau.InfoBot.Host.Zalo;

/// <summary>The ZNS sender's view of the console's template mappings (the Channels project does not see Storage).</summary>
public sealed class ZnsTemplateBook(ZnsTemplateStore store) : IZnsTemplateBook
{
    public Task<ZnsBroadcastTemplate?> ForBroadcastAsync(long broadcastId, CancellationToken ct) => store.ForBroadcastAsync(broadcastId, ct);
}
