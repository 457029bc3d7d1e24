using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Zalo;

/// <summary>
/// The phones residents consented to be notified on by ZNS, kept for that purpose only: one channel-state row per
/// conversation (channel zalo-zns, key phone:&lt;conversation&gt;), written when the resident consents, deleted when
/// they withdraw it and by «xóa dữ liệu của tôi» (ConversationEraser).
/// </summary>
public sealed class ZnsPhoneBook(IDbContextFactory<InfoBotDbContext> factory, ChannelStateStore state) : IZnsPhoneBook
{
    public Task<string?> PhoneAsync(long conversationId, CancellationToken ct) =>
        state.GetAsync(BroadcastRouteChannels.ZaloZns, ZnsAddress.PhoneKey(conversationId), ct);

    public async Task<IReadOnlySet<long>> WithPhoneAsync(IReadOnlyCollection<long> conversationIds, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var keys = await db.ChannelState.AsNoTracking().Where(s => s.Channel == BroadcastRouteChannels.ZaloZns && s.Key.StartsWith("phone:"))
            .Select(s => s.Key).ToListAsync(ct);
        var wanted = conversationIds.ToHashSet();
        return keys.Select(k => long.TryParse(k.AsSpan("phone:".Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(wanted.Contains).ToHashSet();
    }

    /// <summary>Keeps the phone the resident consented to be notified on (its ZNS form), or forgets it (consent withdrawn).</summary>
    public async Task SetAsync(long conversationId, string? phone, CancellationToken ct)
    {
        var key = ZnsAddress.PhoneKey(conversationId);
        if (ZnsAddress.Phone(phone) is { } normalized)
        {
            await state.SetAsync(BroadcastRouteChannels.ZaloZns, key, normalized, ct);
            return;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        await db.ChannelState.Where(s => s.Channel == BroadcastRouteChannels.ZaloZns && s.Key == key).ExecuteDeleteAsync(ct);
    }
}
