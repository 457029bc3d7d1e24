using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace HaiHau.InfoBot.Host.OfficerConsole;

/// <summary>
/// The console's Razor Pages endpoints, mapped on the first request under /admin instead of at start (issue 15).
/// `MapRazorPages` builds every page's action descriptor at once (application parts, compiled views, conventions), and
/// routing and the authorization policy cache read all endpoints at start and on a resident's first request; that cost
/// about 170 ms of CPU and 2.5 MB resident in every host, most of which never sees an officer. Until then this source
/// is empty; <see cref="Activate"/> maps the pages on a route builder of its own and signals the change, so routing,
/// link generation and the policy cache rebuild with the pages before the request that asked for them is routed.
/// </summary>
internal sealed class DeferredConsolePages(IEndpointRouteBuilder app, Action<IEndpointRouteBuilder> map) : EndpointDataSource, IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _activated = new();
    private CompositeEndpointDataSource? _pages;

    public bool IsActive => Volatile.Read(ref _pages) is not null;

    public override IReadOnlyList<Endpoint> Endpoints => Volatile.Read(ref _pages)?.Endpoints ?? [];

    public override IChangeToken GetChangeToken() =>
        Volatile.Read(ref _pages)?.GetChangeToken() ?? new CancellationChangeToken(_activated.Token);

    public void Activate()
    {
        lock (_gate)
        {
            if (_pages is not null)
            {
                return;
            }

            var routes = new DetachedRoutes(app);
            map(routes);
            Volatile.Write(ref _pages, new CompositeEndpointDataSource(routes.DataSources));
            // Inside the lock: routing's matcher rebuilds in this callback, so a concurrent first request that waited
            // here is not routed before the pages are. The listeners read Endpoints without the lock.
            _activated.Cancel();
        }
    }

    public void Dispose()
    {
        _activated.Dispose();
        _pages?.Dispose();
    }

    /// <summary>The app's services and pipeline, but data sources of its own, so mapping here adds nothing to the app's list.</summary>
    private sealed class DetachedRoutes(IEndpointRouteBuilder app) : IEndpointRouteBuilder
    {
        public IServiceProvider ServiceProvider => app.ServiceProvider;

        public ICollection<EndpointDataSource> DataSources { get; } = [];

        public IApplicationBuilder CreateApplicationBuilder() => app.CreateApplicationBuilder();
    }
}
