using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Storage.Listings;

namespace HaiHau.InfoBot.Host.OfficerConsole.Listings;

/// <summary>The jobs and courses pages' services, and the job/course news subscribers as an announcement audience.</summary>
public static class ListingsConsoleSetup
{
    public static IServiceCollection AddInfoBotListingsConsole(this IServiceCollection services)
    {
        services.AddSingleton<ListingConsoleStore>();
        services.AddSingleton<ListingNews>();
        services.AddSingleton<IBroadcastAudience, NewsSubscriberAudience>();
        return services;
    }
}
