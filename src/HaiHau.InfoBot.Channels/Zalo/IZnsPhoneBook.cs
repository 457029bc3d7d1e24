namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>The phone a resident consented to be notified on by ZNS, by conversation; null when none (or erased).</summary>
public interface IZnsPhoneBook
{
    Task<string?> PhoneAsync(long conversationId, CancellationToken ct);

    /// <summary>How many conversations among these have a consented phone (the compose page's estimate).</summary>
    Task<IReadOnlySet<long>> WithPhoneAsync(IReadOnlyCollection<long> conversationIds, CancellationToken ct);
}
