using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.Storage;

namespace HaiHau.InfoBot.Host.Zalo;

/// <summary>The token pair in the channel_state table: one row, key "tokens", replaced whole.</summary>
public sealed class ZaloTokenStore(ChannelStateStore state) : IZaloTokenStore
{
    public const string Key = "tokens";

    public Task<string?> LoadAsync(CancellationToken ct) => state.GetAsync(ZaloWebhookReader.Channel, Key, ct);

    public Task<bool> CompareAndSetAsync(string? expected, string value, CancellationToken ct) =>
        state.CompareAndSetAsync(ZaloWebhookReader.Channel, Key, expected, value, ct);
}
