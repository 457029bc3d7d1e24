using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Content;

namespace HaiHau.InfoBot.Host.Broadcasts;

/// <summary>
/// Every audience source together, and the residents a segment would reach now: what the compose page counts
/// before sending, chosen by the same rules as the scheduler at fan-out time.
/// </summary>
public sealed class BroadcastAudiences(IEnumerable<IBroadcastAudience> audiences, IEnumerable<IBroadcastRouter> routers, IContentStore content)
{
    public async Task<IReadOnlyList<AudienceMember>> CandidatesAsync(CancellationToken ct)
    {
        var candidates = new List<AudienceMember>();
        foreach (var audience in audiences)
        {
            candidates.AddRange(await audience.CandidatesAsync(ct));
        }

        // A profile saved before 1/7/2025 keeps the commune the resident named then ("hai-chau"); officers target
        // today's eight communes, so each candidate is counted under today's commune (a unit with no known successor
        // stays as it was and is reached only by announcements to every commune).
        return candidates.Select(Today).ToList();
    }

    /// <summary>Whether announcements are routed beyond the residents' own channels (a Zalo route is configured).</summary>
    public bool Routed => routers.Any();

    /// <summary>The routes the segment's residents would go by now, with the ZNS cost and quotas left (the compose page's estimate).</summary>
    public async Task<RoutePlan> PlanAsync(Segment segment, string? znsTemplateId, CancellationToken ct)
    {
        var candidates = await CandidatesAsync(ct);
        var picked = AudienceSelection.Pick(candidates, segment);
        return routers.FirstOrDefault() is { } router ? await router.PlanAsync(picked, candidates, znsTemplateId, ct) : RoutePlan.Direct(picked);
    }

    public async Task<int> CountAsync(Segment segment, CancellationToken ct) => AudienceSelection.Pick(await CandidatesAsync(ct), segment).Count;

    private AudienceMember Today(AudienceMember member) =>
        content.ResolveCommune(member.Commune)?.Current is { } today && today.Code != member.Commune ? member with { Commune = today.Code } : member;
}
