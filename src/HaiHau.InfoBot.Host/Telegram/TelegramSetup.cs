using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Host.Health;
using HaiHau.InfoBot.Host.Resilience;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace HaiHau.InfoBot.Host.Telegram;

/// <summary>The Telegram channel, registered only when a bot token is configured (otherwise /health says "off").</summary>
public static class TelegramSetup
{
    public static IServiceCollection AddInfoBotTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>();
        if (configured is not null && configured.HasToken())
        {
            AddTelegramChannel(services, configured.Mode);
        }

        return services;
    }

    /// <summary>
    /// Apart and never inlined: the runtime loads Telegram.Bot (a 9 MB image) when it prepares a method naming its types, so a
    /// host without a bot token does not load it at start (issue 15).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddTelegramChannel(IServiceCollection services, TelegramMode mode)
    {
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TelegramStatus>();
        services.TryAddSingleton<ChannelCircuits>();
        services.AddKeyedSingleton(TelegramMapping.Channel, (sp, _) => TelegramClient.CreateHttp(
            sp.GetRequiredService<IOptions<TelegramOptions>>().Value, ChannelResilienceSetup.Handler(TelegramHttpRules.Create(), sp)));
        services.AddSingleton<ITelegramBotClient>(sp => TelegramClient.Create(
            sp.GetRequiredService<IOptions<TelegramOptions>>().Value,
            sp.GetRequiredKeyedService<HttpClient>(TelegramMapping.Channel)));
        services.AddSingleton<TelegramAdapter>();
        services.AddSingleton<IChannelAdapter>(sp => sp.GetRequiredService<TelegramAdapter>());
        services.AddSingleton<IChannelHealth, TelegramHealth>();
        if (mode == TelegramMode.Polling)
        {
            services.AddSingleton<TelegramPoller>();
            services.AddHostedService(sp => sp.GetRequiredService<TelegramPoller>());
        }
    }
}

/// <summary>/health's "telegram": "ok", or "failing" while polling or sending meets faults.</summary>
public sealed class TelegramHealth(TelegramStatus status) : IChannelHealth
{
    public string Channel => TelegramMapping.Channel;

    public string State => status.State;
}
