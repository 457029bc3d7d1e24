using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Storage.Residents;

namespace HaiHau.InfoBot.Host.Broadcasts;

/// <summary>Announcements: the registered residents as an audience, and the scheduler that fans them out at their time.</summary>
public static class BroadcastsSetup
{
    public static IServiceCollection AddInfoBotBroadcasts(this IServiceCollection services)
    {
        services.AddOptions<BroadcastOptions>().BindConfiguration(BroadcastOptions.Section);
        services.AddSingleton<ResidentAudience>();
        services.AddSingleton<IBroadcastAudience>(sp => sp.GetRequiredService<ResidentAudience>());
        services.AddSingleton<BroadcastAudiences>();
        services.AddSingleton<BroadcastScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<BroadcastScheduler>());
        return services;
    }
}
