using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Host.Broadcasts;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Zns;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Zalo;

/// <summary>
/// Plans each Zalo resident's route (issue 18) from what is known now: who wrote to the OA in the last 7 days (the
/// inbox), the promotion messages left today (Zalo's quota endpoint), the ZNS messages the month's budget and the
/// daily quota still allow, and who consented to ZNS by phone. The plan never goes past a quota or the budget.
/// </summary>
public sealed class ZaloRouter(
    IDbContextFactory<InfoBotDbContext> factory,
    ZaloRouteOptions options,
    ZaloRouteClient client,
    ZaloAuthorizedCall authorized,
    IZnsPhoneBook phones,
    ZnsDailyQuota znsQuota,
    BroadcastStore store,
    ZaloRouteSignals signals,
    ZnsTemplateStore templates,
    TimeProvider time) : IBroadcastRouter
{
    /// <summary>A consultation message reaches a follower who interacted within this (channels.md §C.6).</summary>
    public static readonly TimeSpan ConsultationWindow = TimeSpan.FromDays(7);

    public async Task<RoutePlan> PlanAsync(IReadOnlyList<AudienceMember> picked, IReadOnlyList<AudienceMember> candidates, string? znsTemplateId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var zalo = picked.Where(m => m.Who.Channel == ZaloWebhookReader.Channel).ToList();
        var recent = await RecentlyWroteAsync(now, ct);
        // ZNS only by a template whose every parameter officers mapped: any other would be refused at each send.
        var znsOn = options.ZnsOn && znsTemplateId is not null && await templates.FindAsync(znsTemplateId, ct) is { Usable: true };
        var withPhone = znsOn ? await phones.WithPhoneAsync(zalo.Select(m => m.ConversationId).ToList(), ct) : new HashSet<long>();
        int? promotionLeft = options.Promotion && await authorized.TokenAsync(ct) is { } token
            ? await client.PromotionQuotaLeftAsync(token, ct) ?? 0 // unknown: plan none rather than go past the quota
            : options.Promotion ? 0 : null;
        int? znsLeft = znsOn
            ? Math.Min(options.AffordableZns(await SpentThisMonthAsync(now, ct)), znsQuota.Left(now))
            : null;

        // Followers: the audience leaves out residents who unfollowed (marked unreachable).
        var plan = RoutePlanner.Plan(
            picked,
            candidates,
            m => new ZaloReach(recent.Contains(m.Who.UserId), Follower: true, withPhone.Contains(m.ConversationId)),
            new RouteLimits(promotionLeft ?? 0, znsLeft ?? 0, options.OtherChannel));
        var zns = plan.Count(r => r.Route == BroadcastRoute.ZaloZns);
        var cost = zns * options.ZnsPrice;
        return new RoutePlan(plan, cost, promotionLeft, znsLeft, cost > options.ZnsApprovalThreshold, znsOn && signals.LowQualityTemplates.Contains(znsTemplateId!));
    }

    /// <summary>The ZNS spending of this Vietnamese calendar month so far, in đồng.</summary>
    public async Task<decimal> SpentThisMonthAsync(DateTimeOffset now, CancellationToken ct)
    {
        var local = TimeZoneInfo.ConvertTime(now, ZaloRouteErrors.Vietnam);
        var monthStart = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, local.Offset);
        return await store.ZnsSentSinceAsync(monthStart, ct) * options.ZnsPrice;
    }

    private async Task<HashSet<string>> RecentlyWroteAsync(DateTimeOffset now, CancellationToken ct)
    {
        var since = now - ConsultationWindow;
        await using var db = await factory.CreateDbContextAsync(ct);
        var users = await db.Inbox.AsNoTracking().Where(i => i.Channel == ZaloWebhookReader.Channel && i.ReceivedAt >= since)
            .Select(i => i.UserId).Distinct().ToListAsync(ct);
        return users.ToHashSet(StringComparer.Ordinal);
    }
}
