using HaiHau.InfoBot.Channels.Text;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// The Zalo Official Account channel: webhook events in (<see cref="ZaloWebhookReader"/>), consultation text
/// messages out, with the token refreshed and the send tried once more when Zalo refuses the token.
/// </summary>
public sealed class ZaloAdapter(ZaloWebhookReader reader, ZaloApiClient api, ZaloTokens tokens, ILogger<ZaloAdapter> logger) : IChannelAdapter
{
    /// <summary>The longest text of one consultation message.</summary>
    public const int MaxTextLength = 2000;

    public string Channel => ZaloWebhookReader.Channel;

    public ValueTask<WebhookResult> ReadAsync(WebhookRequest request, CancellationToken ct) => ValueTask.FromResult(reader.Read(request));

    public async Task<SendResult> SendAsync(ConversationRef to, OutboundMessage message, CancellationToken ct)
    {
        var ids = new List<string>();
        foreach (var part in MessageSplitter.Split(ZaloMessageText.Render(message), MaxTextLength))
        {
            // A later part failing leaves the earlier ones delivered; a retry of the row repeats them (rare: only texts over 2,000 characters).
            // The chat id is the resident's Zalo user id; it is also the address an erased conversation's last reply keeps.
            var result = await SendPartAsync(to.ChatId, part, ct);
            if (result is not SendResult.Sent sent)
            {
                return result;
            }

            ids.Add(sent.ExternalId);
        }

        return new SendResult.Sent(string.Join(',', ids));
    }

    private async Task<SendResult> SendPartAsync(string userId, string text, CancellationToken ct)
    {
        var lease = await tokens.GetAsync(ct);
        if (lease.AccessToken is not { } token)
        {
            return lease.Instead!;
        }

        var reply = await api.SendTextAsync(token, userId, text, ct);
        if (!ZaloErrors.IsTokenRefused(reply))
        {
            return ZaloErrors.ToSendResult(reply);
        }

        logger.LogInformation("Zalo refused the access token ({Code}); refreshing once and sending again", reply.Error);
        var renewed = await tokens.RenewAsync(token, ct);
        if (renewed.AccessToken is not { } fresh)
        {
            return renewed.Instead!;
        }

        reply = await api.SendTextAsync(fresh, userId, text, ct);
        return ZaloErrors.IsTokenRefused(reply)
            ? await tokens.GiveUpAsync($"the renewed access token was refused too ({reply.Error})", ct)
            : ZaloErrors.ToSendResult(reply);
    }
}
