using HaiHau.InfoBot.Core.Channels;
using Microsoft.Extensions.Logging;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// One call with the OA's access token: when Zalo refuses the token, it is refreshed once and the call made again;
/// refused again, the tokens need a person. Every Zalo send (consultation, promotion, ZNS) goes through it.
/// </summary>
public sealed class ZaloAuthorizedCall(ZaloTokens tokens, ILogger<ZaloAuthorizedCall> logger)
{
    public async Task<SendResult> SendAsync(
        Func<string, CancellationToken, Task<ZaloApiReply>> send, Func<ZaloApiReply, SendResult> outcome, CancellationToken ct)
    {
        var lease = await tokens.GetAsync(ct);
        if (lease.AccessToken is not { } token)
        {
            return lease.Instead!;
        }

        var reply = await send(token, ct);
        if (!ZaloErrors.IsTokenRefused(reply))
        {
            return outcome(reply);
        }

        logger.LogInformation("Zalo refused the access token ({Code}); refreshing once and sending again", reply.Error);
        var renewed = await tokens.RenewAsync(token, ct);
        if (renewed.AccessToken is not { } fresh)
        {
            return renewed.Instead!;
        }

        reply = await send(fresh, ct);
        return ZaloErrors.IsTokenRefused(reply)
            ? await tokens.GiveUpAsync($"the renewed access token was refused too ({reply.Error})", ct)
            : outcome(reply);
    }

    /// <summary>The token for a read (the promotion quota); null while the tokens need a person.</summary>
    public async Task<string?> TokenAsync(CancellationToken ct) => (await tokens.GetAsync(ct)).AccessToken;
}
