using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Hardening;

/// <summary>
/// In-process requests have no client address; this gives each one the address named in <see cref="Header"/>, as
/// Kestrel would see it, so per-address limits can be tested with several "computers".
/// </summary>
public sealed class ClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public static WebApplicationFactory<Program> On(InfoBotApp app) =>
        app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddress>()));

    public static HttpClient Client(WebApplicationFactory<Program> app, string address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext http, RequestDelegate after) =>
        {
            if (http.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
            {
                http.Connection.RemoteIpAddress = address;
            }

            return after(http);
        });
        next(app);
    };
}
