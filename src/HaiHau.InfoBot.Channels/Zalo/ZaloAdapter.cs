using HaiHau.InfoBot.Channels.Text;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// The Zalo Official Account channel: webhook events in (<see cref="ZaloWebhookReader"/>), consultation text
/// messages out, with the token refreshed and the send tried once more when Zalo refuses the token.
/// </summary>
public sealed class ZaloAdapter(ZaloWebhookReader reader, ZaloApiClient api, ZaloAuthorizedCall authorized, ZaloOptions options) : IChannelAdapter
{
    /// <summary>The line under the share-phone card's title; purpose-neutral, as the question above it says what the number is for.</summary>
    public const string UserInfoSubtitle = "Bác bấm vào đây để gửi số điện thoại Zalo của bác cho cháu.";

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
            var result = await SendPartAsync((token, c) => api.SendTextAsync(token, to.ChatId, part, c), ct);
            if (result is not SendResult.Sent sent)
            {
                return result;
            }

            ids.Add(sent.ExternalId);
        }

        if (ZaloMessageText.ShareContact(message) is { } share)
        {
            // Under the question, Zalo's own card: tapping it sends the phone of the resident's Zalo account (user_submit_info).
            var element = new ZaloUserInfoElement(share.Label, UserInfoSubtitle, options.UserInfoImageUrl is { Length: > 0 } url ? url : null);
            var result = await SendPartAsync((token, c) => api.SendUserInfoRequestAsync(token, to.ChatId, element, c), ct);
            if (result is not SendResult.Sent sent)
            {
                return result;
            }

            ids.Add(sent.ExternalId);
        }

        return new SendResult.Sent(string.Join(',', ids));
    }

    private Task<SendResult> SendPartAsync(Func<string, CancellationToken, Task<ZaloApiReply>> send, CancellationToken ct) =>
        authorized.SendAsync(send, ZaloErrors.ToSendResult, ct);
}
