namespace HaiHau.InfoBot.Host.Resilience;

/// <summary>
/// What one platform allows a client to repeat: which calls may be made twice without a second effect, how long the
/// platform asked the bot to wait, and the answer a call gets while the channel's circuit is open.
/// </summary>
internal sealed record ChannelHttpRules(
    string Channel,
    Func<HttpRequestMessage, bool> IsIdempotent,
    Func<HttpResponseMessage, CancellationToken, ValueTask<TimeSpan?>> RetryAfter,
    Func<HttpResponseMessage> WhileOpen);
