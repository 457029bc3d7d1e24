using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.Host.Turns;
using HaiHau.InfoBot.Storage;

namespace HaiHau.InfoBot.Host.Channels;

/// <summary>The push-channel plumbing every platform shares; each platform adds its adapter only when configured.</summary>
public static class ChannelsSetup
{
    public static IServiceCollection AddInfoBotChannels(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "InfoBot:Delivery:TimeZone is not a known time zone (e.g. Asia/Ho_Chi_Minh)")
            .ValidateOnStart();
        services.AddSingleton<ChannelStateStore>();
        services.AddSingleton<ConversationSignals>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<BroadcastStore>();
        services.AddSingleton<PendingTurns>();
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            return new DatabaseWakeups(Setup.DatabaseSettings.IsPostgres(configuration) ? Setup.DatabaseSettings.ConnectionString(configuration) : null);
        });
        services.AddSingleton<OutboxSignal>();
        services.AddHostedService<WakeupListener>();
        services.AddSingleton<InboundAcceptor>();
        services.AddSingleton<InboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWorker>());
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        services.AddSingleton<InboxRetryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxRetryWorker>());
        return services;
    }
}
