using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace HaiHau.InfoBot.Host.Setup;

/// <summary>The reverse proxy in front of the bot (the district's HTTPS proxy). Bound from "InfoBot:Proxy".</summary>
public sealed class ProxyOptions
{
    public const string Section = "InfoBot:Proxy";

    /// <summary>
    /// Addresses of proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (e.g. "10.0.0.5"). Empty: none, and
    /// the headers are ignored, so nobody can claim another address or HTTPS by sending them.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];
}

/// <summary>
/// Forwarded headers from known proxies only (issue 14): behind the HTTPS proxy the request then counts as HTTPS, so
/// the console cookie is Secure, and per-address limits see the resident's address, not the proxy's.
/// </summary>
public static class ProxySetup
{
    public static IServiceCollection AddInfoBotProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>()?.KnownProxies ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear(); // not even loopback by default: only what the operator listed
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return services;
    }
}
