namespace HaiHau.InfoBot.Benchmarks.Load;

/// <summary>
/// A server the load driver can talk to: the bot (two endpoints, replies checked against the script) or the
/// baseline (one echo endpoint for both, nothing to check). Same bodies either way, so client cost is equal.
/// </summary>
/// <param name="Spread">Several hosts behind a load balancer: each request goes to the next of them (round-robin).</param>
public sealed record ChatTarget(string Name, Uri BaseAddress, string StartPath, string MessagePath, bool ChecksReplies, IReadOnlyList<Uri>? Spread = null)
{
    public static ChatTarget Bot(Uri baseAddress) =>
        new("bot", baseAddress, "/api/webchat/conversations", "/api/webchat/messages", ChecksReplies: true);

    /// <summary>The bot on several hosts sharing one database, asked in turn like a round-robin load balancer would.</summary>
    public static ChatTarget Bots(string name, IReadOnlyList<Uri> hosts) =>
        new(name, hosts[0], "/api/webchat/conversations", "/api/webchat/messages", ChecksReplies: true, hosts);

    public static ChatTarget Baseline(Uri baseAddress) =>
        new("baseline", baseAddress, BaselineServer.Path, BaselineServer.Path, ChecksReplies: false);

    /// <summary>One client per target and phase; connections capped like a fleet of browsers would be.</summary>
    public HttpClient CreateClient(int maxConnections)
    {
        HttpMessageHandler handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            UseProxy = false,
        };
        return new HttpClient(Spread is { Count: > 1 } hosts ? new Hosts.RoundRobinHandler(hosts, handler) : handler)
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(30), // a stuck request must fail and end the run, not hang it (30 s: on a box shared with builds, 256 starts at once took over 10)
        };
    }
}
