using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.Storage;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace HaiHau.InfoBot.Host.Answerer;

/// <summary>
/// Registers the optional answerer when InfoBot:Answerer:Endpoint is set; with it empty nothing is registered, so
/// the bot is exactly the classifier + retrieval + referral bot and nothing is sent anywhere.
/// </summary>
public static class AnswererSetup
{
    public const string HttpClientName = "answerer";

    public const int MaxRetries = 2;

    /// <summary>Outages in this window (at least <see cref="CircuitMinimumCalls"/> calls, half of them) open the circuit.</summary>
    public static readonly TimeSpan CircuitWindow = TimeSpan.FromMinutes(1);

    public const int CircuitMinimumCalls = 4;

    public static readonly TimeSpan CircuitBreak = TimeSpan.FromSeconds(30);

    public static bool IsOn(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{AnswererOptions.Section}:{nameof(AnswererOptions.Endpoint)}"]);

    /// <summary>
    /// The channels whose typed questions may go to the model (<see cref="ComposeRequestWriter.Channels"/>) when the
    /// answerer is on, none when off: the greeting tells residents there (the dialogs' kenh_dung_mo_hinh).
    /// </summary>
    public static IReadOnlySet<string> AssistedChannels(IConfiguration configuration) =>
        IsOn(configuration) ? ComposeRequestWriter.Channels : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>InfoBot:Answerer:OperatorName when the answerer is on and it is set (the dialogs' ben_chay_mo_hinh).</summary>
    public static string? OperatorName(IConfiguration configuration) =>
        IsOn(configuration) && configuration[$"{AnswererOptions.Section}:{nameof(AnswererOptions.OperatorName)}"] is { } name && !string.IsNullOrWhiteSpace(name)
            ? name.Trim()
            : null;

    public static IServiceCollection AddInfoBotAnswerer(this IServiceCollection services, IConfiguration configuration)
    {
        if (IsOn(configuration))
        {
            AddAnswerer(services);
        }

        return services;
    }

    /// <summary>
    /// Apart and never inlined: the runtime loads Polly and Microsoft.Extensions.Http.Resilience when it prepares a method
    /// naming their types, so a host without an answerer does not load them at start (issue 15).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddAnswerer(IServiceCollection services)
    {
        services.AddOptions<AnswererOptions>().BindConfiguration(AnswererOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AnswererState>();
        services.AddSingleton<ComposeJobs>();
        services.AddSingleton<ComposedDelivery>();
        services.AddSingleton(sp => AnswerPrompts.Load(BotDataPaths.Resolve(sp.GetRequiredService<IOptions<InfoBotOptions>>().Value.ContentPath)));
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan) // the hold cancels a call
            .AddResilienceHandler(HttpClientName, (pipeline, context) => Configure(pipeline, context.ServiceProvider));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AnswererOptions>>().Value;
            return new AnswerComposer(
                ChatService(options, sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)),
                sp.GetRequiredService<AnswerPrompts>(),
                sp.GetRequiredService<IContentStore>(),
                sp.GetRequiredService<IQuestionUnderstanding>(),
                sp.GetRequiredService<IListingSource>(),
                sp.GetRequiredService<AnswererState>(),
                options.Stream,
                sp.GetRequiredService<ILogger<AnswerComposer>>());
        });
        services.AddSingleton<ITurnOutputWriter, ComposeRequestWriter>();
        services.AddSingleton<ComposeWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ComposeWorker>());
        services.AddHealthChecks().AddCheck<AnswererHealthCheck>(AnswererHealthCheck.Name, tags: [Health.HealthSetup.ReadyTag]);
    }

    /// <summary>
    /// Semantic Kernel's OpenAI chat completion on our HTTP client: the OpenAI SDK's own retries are off, so the
    /// resilience pipeline below is the only one, and the key is sent only when one is configured.
    /// </summary>
    public static OpenAIChatCompletionService ChatService(AnswererOptions options, HttpClient http)
    {
        var client = new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "none" : options.ApiKey), new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!),
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Timeout,
        });
        return new OpenAIChatCompletionService(options.Model, client);
    }

    /// <summary>
    /// Retries after a 429 or a 5xx (a model call has no side effect, so repeating it is safe) with exponential
    /// backoff, waiting a 429's Retry-After when it says; a circuit breaker counting outages (5xx, 429, no connection)
    /// refuses calls for a while, so a dead endpoint costs nothing per question. All on the injected clock.
    /// </summary>
    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, IServiceProvider services)
    {
        var state = services.GetRequiredService<AnswererState>();
        var options = services.GetRequiredService<IOptions<AnswererOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AnswererSetup));
        pipeline.TimeProvider = services.GetRequiredService<TimeProvider>();
        pipeline
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = options.RetryDelay,
                ShouldHandle = args => ValueTask.FromResult(IsOutage(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.Headers.RetryAfter?.Delta is { } wait && wait <= options.Timeout ? wait : (TimeSpan?)null),
                OnRetry = args =>
                {
                    logger.LogWarning("Answerer call failed ({Fault}); trying again in {Seconds} s", Describe(args.Outcome), args.RetryDelay.TotalSeconds);
                    return default;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = 0.5,
                MinimumThroughput = CircuitMinimumCalls,
                SamplingDuration = CircuitWindow,
                BreakDuration = CircuitBreak,
                ShouldHandle = args => ValueTask.FromResult(IsOutage(args.Outcome)),
                OnOpened = args =>
                {
                    state.CircuitOpened();
                    logger.LogError("Answerer circuit opened after repeated failures ({Fault}); questions get retrieval answers for {Seconds} s",
                        Describe(args.Outcome), args.BreakDuration.TotalSeconds);
                    return default;
                },
                OnClosed = _ =>
                {
                    state.CircuitClosed();
                    logger.LogWarning("Answerer circuit closed: the model answers again");
                    return default;
                },
            });
    }

    private static bool IsOutage(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException
        || outcome.Result is { } response && (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500);

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Exception is { } error
        ? error is HttpRequestException http ? $"network: {http.HttpRequestError}" : error.GetType().Name
        : $"http {(int)outcome.Result!.StatusCode}";
}
