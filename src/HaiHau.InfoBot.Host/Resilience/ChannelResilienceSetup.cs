using HaiHau.InfoBot.Host.Health;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace HaiHau.InfoBot.Host.Resilience;

/// <summary>Puts a channel's <see cref="ChannelResilience"/> pipeline on its HTTP client, through the factory or by hand.</summary>
internal static class ChannelResilienceSetup
{
    /// <summary>For a typed client from IHttpClientFactory (Zalo).</summary>
    public static IHttpClientBuilder AddChannelResilience(this IHttpClientBuilder builder, ChannelHttpRules rules)
    {
        builder.Services.TryAddSingleton<ChannelCircuits>();
        builder.AddResilienceHandler(rules.Channel, (pipeline, context) => Configure(pipeline, rules, context.ServiceProvider));
        return builder;
    }

    /// <summary>For a client built by hand (Telegram's, kept off the factory so its URLs, which hold the token, are never logged).</summary>
    public static DelegatingHandler Handler(ChannelHttpRules rules, IServiceProvider services)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        Configure(pipeline, rules, services);
        return new ResilienceHandler(pipeline.Build());
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ChannelHttpRules rules, IServiceProvider services) =>
        ChannelResilience.Configure(
            pipeline,
            rules,
            services.GetRequiredService<ChannelCircuits>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ChannelResilience).FullName!));
}
