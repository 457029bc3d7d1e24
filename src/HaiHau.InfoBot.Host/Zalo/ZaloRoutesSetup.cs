using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Host.Broadcasts;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Residents;
using HaiHau.InfoBot.Storage.Zns;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.Zalo;

/// <summary>
/// The announcement routes beyond the 7-day window (InfoBot:Zalo:Routes), each registered only when configured: a
/// promotion sender, a ZNS sender, and the router that plans them. With none on, nothing here is registered and
/// announcements go as before.
/// </summary>
public static class ZaloRoutesSetup
{
    private const string OpenApiClient = "zalo-routes-openapi";
    private const string BusinessClient = "zalo-routes-business";

    public static IServiceCollection AddZaloRoutes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ZaloRouteOptions>().BindConfiguration(ZaloRouteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ZaloRouteOptions>>().Value);
        // Always: a resident withdrawing the consent is heard even after the route was switched off.
        services.AddSingleton<ITurnOutputWriter, ZnsConsentWriter>();
        services.AddSingleton<ZnsTemplateStore>(); // the console's mapping page reads it even with ZNS off
        var routes = configuration.GetSection(ZaloRouteOptions.Section).Get<ZaloRouteOptions>() ?? new ZaloRouteOptions();
        if (!routes.AnyOn)
        {
            return services;
        }

        AddClient(services, OpenApiClient, (sp) => sp.GetRequiredService<ZaloOptions>().OpenApiBaseUrl);
        AddClient(services, BusinessClient, (sp) => sp.GetRequiredService<ZaloRouteOptions>().BusinessBaseUrl);
        services.AddSingleton(sp =>
        {
            var http = sp.GetRequiredService<IHttpClientFactory>();
            return new ZaloRouteClient(http.CreateClient(OpenApiClient), http.CreateClient(BusinessClient));
        });
        services.AddSingleton<ZnsDailyQuota>();
        services.AddSingleton(sp => new ZaloRouteSignals(sp.GetRequiredService<ILogger<ZaloRouteSignals>>(), sp.GetRequiredService<ZnsDailyQuota>()));
        services.AddSingleton<ZnsPhoneBook>();
        services.AddSingleton<IZnsPhoneBook>(sp => sp.GetRequiredService<ZnsPhoneBook>());
        if (routes.Promotion)
        {
            services.AddSingleton<IChannelAdapter, ZaloPromotionAdapter>();
        }

        if (routes.ZnsOn)
        {
            services.AddSingleton<IZnsTemplateBook, ZnsTemplateBook>();
            services.AddSingleton<ZnsTemplateSource>();
            services.AddSingleton<IChannelAdapter, ZaloZnsAdapter>();
        }

        services.AddSingleton<ZaloRouter>();
        services.AddSingleton<IBroadcastRouter>(sp => sp.GetRequiredService<ZaloRouter>());
        services.AddSingleton<IDeliveryFallback, ZaloDeliveryFallback>();
        return services;
    }

    /// <summary>
    /// The channels whose residents registration offers to notify by phone: Zalo, when its ZNS route is configured
    /// (the dialogs' kenh_bao_qua_so). Nobody is asked for a number the bot would not use.
    /// </summary>
    public static IReadOnlySet<string> PhoneNotifyChannels(IServiceProvider services) =>
        services.GetService<ZaloRouteOptions>() is { ZnsOn: true }
            ? new HashSet<string>(StringComparer.Ordinal) { ZaloWebhookReader.Channel }
            : new HashSet<string>(StringComparer.Ordinal);

    private static void AddClient(IServiceCollection services, string name, Func<IServiceProvider, string> baseUrl) =>
        services.AddHttpClient(name, (sp, http) =>
            {
                http.BaseAddress = new Uri(baseUrl(sp).TrimEnd('/') + "/");
                http.Timeout = ZaloSetup.RequestTimeout;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(_ => true); // the access_token header
}
