namespace HaiHau.InfoBot.Core.Channels;

/// <summary>What happened to one send. The outbox worker stores every outcome on the outbox row.</summary>
public abstract record SendResult
{
    private SendResult()
    {
    }

    public sealed record Sent(string ExternalId) : SendResult;

    /// <summary>The platform asked us to wait (Telegram 429 retry_after, Zalo -32): the whole channel pauses that long.</summary>
    public sealed record RetryAfter(TimeSpan Delay, string Reason) : SendResult;

    /// <summary>A fault that may pass (network error, 5xx, timeout): retried with growing backoff, then given up.</summary>
    public sealed record Transient(string Error) : SendResult;

    /// <summary>The resident blocked the bot or left the OA: no retry, and no more sends until they write again.</summary>
    public sealed record Unreachable(string Reason) : SendResult;

    /// <summary>Permanent: a bad request, Zalo's 7-day window ("window"). Recorded with the reason, never retried.</summary>
    public sealed record Failed(string Error) : SendResult;
}
