using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HaiHau.InfoBot.Host.Tests.Browser;

/// <summary>
/// A factory host on a real loopback port, for the browser (which cannot reach an in-memory test server).
/// </summary>
internal static class LoopbackKestrel
{
    /// <summary>
    /// Starts <paramref name="app"/> on Kestrel, listening on 127.0.0.1 and a port the OS chooses. The port is given in
    /// Kestrel's own options, not through <c>UseKestrel(0)</c>: that one rewrites the server's address list after the
    /// host is built, and under load (seen 5 December, 1 of 19 browser tests) Program's start had already started the
    /// server, so the rewrite threw «Addresses cannot be modified after the server has started».
    /// </summary>
    public static void StartOnLoopback<T>(this WebApplicationFactory<T> app)
        where T : class
    {
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
    }
}
