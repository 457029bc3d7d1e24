using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Host.Channels;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Zns;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Zalo;

/// <summary>
/// The send-time half of issue 18's route order. The plan at fan-out guesses who is inside Zalo's 7-day window and
/// how much promotion quota is left; Zalo has the last word. When a consultation message is refused for the window
/// (-230/-232) or a promotion message is refused (quota -211, package, verification), the same row moves to the
/// resident's next route: promotion (by day only; -234 at night would just wait), then ZNS by their consented phone
/// within the daily quota and the month's budget, then another verified channel of theirs. One row per resident, so
/// reach is counted once and no one gets it twice; with no route left the row fails as before.
/// </summary>
public sealed class ZaloDeliveryFallback(
    ZaloRouteOptions options, ZnsDailyQuota znsQuota, ZaloRouter router, ZnsTemplateStore templates, OutboxSignal signal) : IDeliveryFallback
{
    public async Task<string?> RerouteAsync(InfoBotDbContext db, OutboxRecord row, string failure, DateTimeOffset now, CancellationToken ct)
    {
        var refused = RefusedRoute(row.Channel, failure);
        if (refused is null)
        {
            return null;
        }

        if (refused < BroadcastRoute.ZaloPromotion && options.Promotion && !ZaloRouteErrors.IsNight(now))
        {
            return Move(row, BroadcastRouteChannels.ZaloPromotion, row.ChatId, null, failure, now);
        }

        if (refused < BroadcastRoute.ZaloZns && options.ZnsOn && await ZnsAffordableAsync(db, row.BroadcastId!.Value, row.ConversationId, now, ct))
        {
            return Move(row, BroadcastRouteChannels.ZaloZns, ZnsAddress.Of(row.BroadcastId!.Value, row.ConversationId), null, failure, now);
        }

        if (options.OtherChannel && await OtherChannelAsync(db, row, ct) is { } other)
        {
            return Move(row, other.Channel, other.ChatId, other, failure, now);
        }

        return null;
    }

    public void Rerouted(string channel) => signal.Wake(channel);

    /// <summary>The route that refused, when the failure is a refusal of the route for this resident (not a fault of ours).</summary>
    private static BroadcastRoute? RefusedRoute(string channel, string failure) => channel switch
    {
        ZaloWebhookReader.Channel when failure == ZaloErrors.WindowFailure => BroadcastRoute.Direct,
        BroadcastRouteChannels.ZaloPromotion => BroadcastRoute.ZaloPromotion,
        BroadcastRouteChannels.ZaloZns => BroadcastRoute.ZaloZns, // no ZNS account or money, or the phone is gone: another channel may do
        _ => null,
    };

    /// <summary>Moves the row; <paramref name="to"/> is the person's other conversation when the route is another channel.</summary>
    private static string Move(OutboxRecord row, string channel, string chatId, ConversationRecord? to, string failure, DateTimeOffset now)
    {
        (row.Channel, row.ChatId) = (channel, chatId);
        if (to is not null)
        {
            (row.Conversation, row.ConversationId) = (to, to.Id);
        }

        (row.Status, row.Attempts, row.NextAttemptAt) = (OutboxStatus.Pending, 0, now);
        row.Error = "fell back after: " + failure; // kept for officers; cleared when sent
        return channel;
    }

    private async Task<bool> ZnsAffordableAsync(InfoBotDbContext db, long broadcastId, long conversationId, DateTimeOffset now, CancellationToken ct)
    {
        var key = ZnsAddress.PhoneKey(conversationId);
        if (!await db.ChannelState.AnyAsync(s => s.Channel == BroadcastRouteChannels.ZaloZns && s.Key == key, ct) || znsQuota.Left(now) <= 0)
        {
            return false;
        }

        // Only an announcement that chose a template officers mapped whole can go by ZNS.
        if (await templates.ForBroadcastAsync(broadcastId, ct) is not { Sendable: true })
        {
            return false;
        }

        return options.AffordableZns(await router.SpentThisMonthAsync(now, ct)) > 0;
    }

    /// <summary>
    /// The same person's conversation on another channel (conversations phone-linked to one register household, as the
    /// audience counts one person), consented and reachable, and not already sent this announcement.
    /// </summary>
    private static async Task<ConversationRecord?> OtherChannelAsync(InfoBotDbContext db, OutboxRecord row, CancellationToken ct)
    {
        var household = await db.ResidentProfiles.Where(p => p.ConversationId == row.ConversationId && p.LinkedBy == "phone")
            .Select(p => p.HouseholdId).FirstOrDefaultAsync(ct);
        if (household is null)
        {
            return null;
        }

        var already = db.Outbox.Where(o => o.BroadcastId == row.BroadcastId).Select(o => o.ConversationId);
        return await db.ResidentProfiles
            .Where(p => p.HouseholdId == household && p.LinkedBy == "phone" && p.ConversationId != row.ConversationId
                && p.ConsentAnnouncements && p.AnnouncementsStoppedAt == null
                && p.Conversation!.Channel != ZaloWebhookReader.Channel && !p.Conversation.Unreachable && !already.Contains(p.ConversationId))
            .OrderBy(p => p.ConversationId).Select(p => p.Conversation!).FirstOrDefaultAsync(ct);
    }
}
