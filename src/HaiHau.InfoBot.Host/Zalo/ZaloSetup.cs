using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Host.Health;
using HaiHau.InfoBot.Host.Resilience;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.Zalo;

/// <summary>The Zalo OA channel, registered only when InfoBot:Zalo is configured (otherwise /webhooks/zalo is 404).</summary>
public static class ZaloSetup
{
    /// <summary>A send or refresh that takes this long has failed (a refresh then counts as unknown: reauth_required).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddInfoBotZalo(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetSection(ZaloOptions.Section).Get<ZaloOptions>() is { } configured && configured.IsConfigured())
        {
            AddZaloChannel(services, configuration);
        }

        return services;
    }

    /// <summary>
    /// Apart and never inlined: the runtime loads System.Net.Http, Polly and Microsoft.Extensions.Http.Resilience when it
    /// prepares a method naming their types, so a host without Zalo does not load them at start (issue 15).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddZaloChannel(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ZaloOptions>().BindConfiguration(ZaloOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ZaloOptions>, ZaloOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ZaloOptions>>().Value);
        services.AddSingleton<ZaloFormatLog>();
        services.AddZaloHttpClient<ZaloApiClient>(o => o.OpenApiBaseUrl).AddChannelResilience(ZaloHttpRules.Create());
        // No resilience pipeline on OAuth: a refresh token is single-use, so a refresh is never repeated or cut short.
        services.AddZaloHttpClient<ZaloOAuthClient>(o => o.OAuthBaseUrl)
            .AddHttpMessageHandler(sp => new Telemetry.TokenRefreshMetrics(sp.GetRequiredService<Telemetry.InfoBotMetrics>()));
        services.AddSingleton<IZaloTokenStore, ZaloTokenStore>();
        services.AddSingleton<ZaloTokens>();
        services.AddSingleton<ZaloAuthorizedCall>();
        services.AddSingleton<ZaloWebhookReader>();
        services.AddSingleton<ZaloAdapter>();
        services.AddSingleton<IChannelAdapter>(sp => sp.GetRequiredService<ZaloAdapter>());
        services.AddSingleton<IChannelHealth, ZaloHealth>();
        services.AddHostedService<ZaloStartup>();
        services.AddZaloRoutes(configuration);
    }

    private static IHttpClientBuilder AddZaloHttpClient<TClient>(this IServiceCollection services, Func<ZaloOptions, string> baseUrl)
        where TClient : class
    {
        return services.AddHttpClient<TClient>((sp, http) =>
            {
                http.BaseAddress = new Uri(baseUrl(sp.GetRequiredService<ZaloOptions>()).TrimEnd('/') + "/");
                http.Timeout = RequestTimeout;
            })
            // The clients live in singletons: pooled connections are renewed instead of handlers (DNS changes still apply).
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // access_token and secret_key are headers: never write their values, even at Trace.
            .RedactLoggedHeaders(_ => true);
    }
}

/// <summary>A half-configured channel stops the start with the names of what is missing.</summary>
public sealed class ZaloOptionsValidator : IValidateOptions<ZaloOptions>
{
    public ValidateOptionsResult Validate(string? name, ZaloOptions options)
    {
        var missing = options.Missing();
        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("The Zalo channel is partly configured; missing: " + string.Join(", ", missing));
    }
}
