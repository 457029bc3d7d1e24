namespace HaiHau.InfoBot.Benchmarks.Hosts;

/// <summary>
/// A round-robin load balancer in the client: each request goes to the next host, whatever conversation it belongs
/// to, so consecutive turns of one resident land on different hosts (the case the database locks exist for).
/// </summary>
public sealed class RoundRobinHandler(IReadOnlyList<Uri> hosts, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _next = -1;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = hosts[(int)((uint)Interlocked.Increment(ref _next) % (uint)hosts.Count)];
        request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = host.Scheme, Host = host.Host, Port = host.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
