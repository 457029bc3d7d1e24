using HaiHau.InfoBot.Core.Broadcasts;

namespace HaiHau.InfoBot.Host.Broadcasts;

/// <summary>
/// Every audience source together, and the residents a segment would reach now: what the compose page counts
/// before sending, chosen by the same rules as the scheduler at fan-out time.
/// </summary>
public sealed class BroadcastAudiences(IEnumerable<IBroadcastAudience> audiences)
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

    public async Task<int> CountAsync(Segment segment, CancellationToken ct) => AudienceSelection.Pick(await CandidatesAsync(ct), segment).Count;
}
