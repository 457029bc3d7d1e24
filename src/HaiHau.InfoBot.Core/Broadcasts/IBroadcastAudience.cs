namespace HaiHau.InfoBot.Core.Broadcasts;

/// <summary>The residents who may receive announcements: consented, not stopped, not erased (the registration store implements it).</summary>
public interface IBroadcastAudience
{
    Task<IReadOnlyList<AudienceMember>> CandidatesAsync(CancellationToken ct);
}
