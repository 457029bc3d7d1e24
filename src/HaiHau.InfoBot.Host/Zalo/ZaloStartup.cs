using HaiHau.InfoBot.Channels.Zalo;

namespace HaiHau.InfoBot.Host.Zalo;

/// <summary>
/// Loads (or seeds) the token pair at start, after the database is migrated, so /health tells the truth from the
/// first request: a reauth_required left by the last run shows at once, not at the first send.
/// </summary>
public sealed class ZaloStartup(ZaloTokens tokens, ILogger<ZaloStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await tokens.LoadAsync(cancellationToken);
        logger.LogInformation("Zalo OA channel on: webhook /webhooks/zalo, tokens {State}", tokens.ReauthRequired ? "reauth_required" : "ok");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
