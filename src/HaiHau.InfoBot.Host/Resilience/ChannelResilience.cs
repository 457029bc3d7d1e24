using System.Net;
using HaiHau.InfoBot.Host.Health;
using Polly;
using Polly.CircuitBreaker;
using Polly.Fallback;
using Polly.Retry;

namespace HaiHau.InfoBot.Host.Resilience;

/// <summary>
/// One resilience pipeline per channel HTTP client (Microsoft.Extensions.Http.Resilience over Polly), on the injected
/// <see cref="TimeProvider"/>. Outermost first:
/// <list type="number">
/// <item>While the circuit is open, a call gets the platform's own "unavailable" answer at once, so the existing
/// error mapping turns it into a transient fault the outbox retries later, and /health/ready names the channel.</item>
/// <item>Retries, few and short: a call that never left this machine (no connection), and an idempotent call after a
/// 5xx, a network fault, or a 429 whose wait is short. A send has no idempotency key on either platform, so it is
/// never repeated here after it may have arrived; the durable outbox retries it with its own backoff and records it.
/// A long retry-after is not waited out here either: the outbox pauses the whole channel for it.</item>
/// <item>A circuit breaker counting outages only (network faults and 5xx; not 429s, not 4xx).</item>
/// </list>
/// </summary>
public static class ChannelResilience
{
    public const int MaxRetries = 2;

    /// <summary>The first retry's wait; the second waits twice as long (no jitter: one bot, few calls, tests see exact waits).</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>A platform's requested wait up to this is waited out in place; a longer one goes back to the caller.</summary>
    public static readonly TimeSpan LongestWaitInPlace = TimeSpan.FromSeconds(5);

    /// <summary>Outages in this window, at least <see cref="CircuitMinimumCalls"/> calls and 80 % of them, open the circuit.</summary>
    public static readonly TimeSpan CircuitWindow = TimeSpan.FromMinutes(1);

    public const int CircuitMinimumCalls = 5;

    /// <summary>How long an open circuit refuses calls before one is let through to try the platform again.</summary>
    public static readonly TimeSpan CircuitBreak = TimeSpan.FromSeconds(30);

    internal static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder, ChannelHttpRules rules, ChannelCircuits circuits, TimeProvider time, ILogger logger)
    {
        builder.TimeProvider = time;
        builder
            .AddFallback(new FallbackStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is BrokenCircuitException),
                FallbackAction = _ => Outcome.FromResultAsValueTask(rules.WhileOpen()),
            })
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = FirstRetryDelay,
                ShouldHandle = args => ShouldRetryAsync(args.Context.GetRequestMessage(), args.Outcome, rules, args.Context.CancellationToken),
                DelayGenerator = async args => args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } limited
                    ? await rules.RetryAfter(limited, args.Context.CancellationToken)
                    : null,
                OnRetry = args =>
                {
                    logger.LogWarning("{Channel} {Call} failed ({Fault}); trying again in {Seconds} s",
                        rules.Channel, CallName(args.Context.GetRequestMessage()), Describe(args.Outcome), args.RetryDelay.TotalSeconds);
                    return default;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = 0.8,
                MinimumThroughput = CircuitMinimumCalls,
                SamplingDuration = CircuitWindow,
                BreakDuration = CircuitBreak,
                ShouldHandle = args => ValueTask.FromResult(IsOutage(args.Outcome)),
                OnOpened = args =>
                {
                    circuits.Opened(rules.Channel);
                    logger.LogError("{Channel} circuit opened after repeated outages ({Fault}); calls pause for {Seconds} s",
                        rules.Channel, Describe(args.Outcome), args.BreakDuration.TotalSeconds);
                    return default;
                },
                OnClosed = _ =>
                {
                    circuits.Closed(rules.Channel);
                    logger.LogWarning("{Channel} circuit closed: the platform answers again", rules.Channel);
                    return default;
                },
            });
    }

    private static async ValueTask<bool> ShouldRetryAsync(
        HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome, ChannelHttpRules rules, CancellationToken ct)
    {
        if (outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            return true; // no connection was made, so the platform never saw the call: safe to repeat, even a send
        }

        if (request is null || !rules.IsIdempotent(request))
        {
            return false;
        }

        return outcome switch
        {
            { Exception: HttpRequestException } => true,
            { Result.StatusCode: HttpStatusCode.TooManyRequests } => await rules.RetryAfter(outcome.Result, ct) is not { } wait || wait <= LongestWaitInPlace,
            { Result: { } response } => (int)response.StatusCode >= 500,
            _ => false,
        };
    }

    private static bool IsOutage(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException || outcome.Result is { } response && (int)response.StatusCode >= 500;

    /// <summary>The call's last path segment (a Bot API method, a Zalo endpoint): never the whole URL, which holds the Telegram token.</summary>
    public static string CallName(HttpRequestMessage? request) => request?.RequestUri?.Segments is { Length: > 0 } s ? s[^1].Trim('/') : "call";

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Exception is { } error
        ? error is HttpRequestException http ? $"network: {http.HttpRequestError}" : error.GetType().Name
        : $"http {(int)outcome.Result!.StatusCode}";
}
