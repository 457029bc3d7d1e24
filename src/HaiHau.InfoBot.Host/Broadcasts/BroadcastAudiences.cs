using HaiHau.InfoBot.Core.Broadcasts;

namespace HaiHau.InfoBot.Host.Broadcasts;

/// <summary>
/// Every audience source together, and the residents a segment would reach now: what the compose page counts
/// before sending, chosen by the same rules as the scheduler at fan-out time.
/// </summary>
public sealed class BroadcastAudiences(IEnumerable<IBroadcastAudience> audiences, IEnumerable<IBroadcastRouter> routers)
{
    public async Task<IReadOnlyList<AudienceMember>> CandidatesAsync(CancellationToken ct)
    {
        var candidates = new List<AudienceMember>();
        foreach (var audience in audiences)
        {
            candidates.AddRange(await audience.CandidatesAsync(ct));
        }

        return candidates;
    }

    /// <summary>Whether announcements are routed beyond the residents' own channels (a Zalo route is configured).</summary>
    public bool Routed => routers.Any();

    /// <summary>The routes the segment's residents would go by now, with the ZNS cost and quotas left (the compose page's estimate).</summary>
    public async Task<RoutePlan> PlanAsync(Segment segment, CancellationToken ct)
    {
        var candidates = await CandidatesAsync(ct);
        var picked = AudienceSelection.Pick(candidates, segment);
        return routers.FirstOrDefault() is { } router ? await router.PlanAsync(picked, candidates, ct) : RoutePlan.Direct(picked);
    }

    public async Task<int> CountAsync(Segment segment, CancellationToken ct) => AudienceSelection.Pick(await CandidatesAsync(ct), segment).Count;
}
