using HaiHau.InfoBot.Core.Broadcasts;

namespace HaiHau.InfoBot.Host.Broadcasts;

/// <summary>
/// Chooses a route per resident at fan-out and for the compose page's estimate (issue 18). Registered by the Zalo
/// channel only when one of its routes is configured; without one every resident goes directly, as before.
/// </summary>
public interface IBroadcastRouter
{
    /// <param name="znsTemplateId">The ZNS template the announcement goes by (null: none; then ZNS is no route for it).</param>
    Task<RoutePlan> PlanAsync(IReadOnlyList<AudienceMember> picked, IReadOnlyList<AudienceMember> candidates, string? znsTemplateId, CancellationToken ct);
}

/// <summary>
/// The plan, and what officers see before sending: ZNS cost, promotion quota left and ZNS sends left (null: route
/// off), whether the cost is above the threshold that needs a second officer's approval, and whether Zalo marked
/// the ZNS template low quality.
/// </summary>
public sealed record RoutePlan(
    IReadOnlyList<RoutedMember> Members, decimal ZnsCost, int? PromotionQuotaLeft, int? ZnsLeft, bool CostNeedsApproval = false, bool LowQualityTemplate = false)
{
    public static RoutePlan Direct(IReadOnlyList<AudienceMember> picked) =>
        new(picked.Select(m => new RoutedMember(m, BroadcastRoute.Direct)).ToList(), 0, null, null);

    public IReadOnlyDictionary<BroadcastRoute, int> Counts => RoutePlanner.Count(Members);
}
