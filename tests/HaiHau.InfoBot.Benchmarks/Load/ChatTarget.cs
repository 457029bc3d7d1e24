namespace HaiHau.InfoBot.Benchmarks.Load;

/// <summary>
/// A server the load driver can talk to: the bot (two endpoints, replies checked against the script) or the
/// baseline (one echo endpoint for both, nothing to check). Same bodies either way, so client cost is equal.
/// </summary>
public sealed record ChatTarget(string Name, Uri BaseAddress, string StartPath, string MessagePath, bool ChecksReplies)
{
    public static ChatTarget Bot(Uri baseAddress) =>
        new("bot", baseAddress, "/api/webchat/conversations", "/api/webchat/messages", ChecksReplies: true);

    public static ChatTarget Baseline(Uri baseAddress) =>
        new("baseline", baseAddress, BaselineServer.Path, BaselineServer.Path, ChecksReplies: false);

    /// <summary>One client per target and phase; connections capped like a fleet of browsers would be.</summary>
    public HttpClient CreateClient(int maxConnections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = maxConnections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        UseProxy = false,
    })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(30), // a stuck request must fail and end the run, not hang it (30 s: on a box shared with builds, 256 starts at once took over 10)
    };
}
