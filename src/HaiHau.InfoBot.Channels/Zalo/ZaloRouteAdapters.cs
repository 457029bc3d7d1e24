using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// Announcements as Zalo promotion messages, to followers outside the 7-day window. An outbox channel of its own
/// (<see cref="BroadcastRouteChannels.ZaloPromotion"/>), so its pacing and pauses (the night's -234) never hold up
/// consultation replies. Send-only: nothing arrives on it.
/// </summary>
public sealed class ZaloPromotionAdapter(ZaloRouteClient client, ZaloAuthorizedCall authorized, TimeProvider time) : IChannelAdapter
{
    public string Channel => BroadcastRouteChannels.ZaloPromotion;

    public ValueTask<WebhookResult> ReadAsync(WebhookRequest request, CancellationToken ct) =>
        ValueTask.FromResult<WebhookResult>(new WebhookResult.Rejected(404, "a send-only route"));

    public Task<SendResult> SendAsync(ConversationRef to, OutboundMessage message, CancellationToken ct)
    {
        var text = message.Text.Length <= ZaloAdapter.MaxTextLength ? message.Text : message.Text[..ZaloAdapter.MaxTextLength];
        var header = text.Split('\n', 2)[0];
        return authorized.SendAsync((token, c) => client.SendPromotionAsync(token, to.UserId, header, text, c), r => ZaloRouteErrors.Promotion(r, time.GetUtcNow()), ct);
    }
}

/// <summary>
/// Announcements as ZNS template messages to the phone a resident consented to be notified on. The row's chat id
/// (<see cref="ZnsAddress"/>) is the tracking_id, so a retry is answered without a second delivery or charge; the daily
/// quota paces the route (a change announced by Zalo's webhook applies at once). template_data is built from the
/// mapping officers made on the console for the template the announcement chose.
/// </summary>
public sealed class ZaloZnsAdapter(
    ZaloRouteClient client, ZaloAuthorizedCall authorized, IZnsPhoneBook phones, IZnsTemplateBook templates, ZnsDailyQuota quota, TimeProvider time) : IChannelAdapter
{
    public string Channel => BroadcastRouteChannels.ZaloZns;

    public ValueTask<WebhookResult> ReadAsync(WebhookRequest request, CancellationToken ct) =>
        ValueTask.FromResult<WebhookResult>(new WebhookResult.Rejected(404, "a send-only route"));

    public async Task<SendResult> SendAsync(ConversationRef to, OutboundMessage message, CancellationToken ct)
    {
        if (!ZnsAddress.TryParse(to.ChatId, out var broadcastId, out var conversationId))
        {
            return new SendResult.Failed("zns: not a ZNS delivery");
        }

        if (ZnsAddress.Phone(await phones.PhoneAsync(conversationId, ct)) is not { } phone)
        {
            // Consent withdrawn or data erased after the announcement was planned.
            return new SendResult.Failed(BroadcastRouteChannels.NotReachableReason + ": no consented phone");
        }

        var now = time.GetUtcNow();
        var chosen = await templates.ForBroadcastAsync(broadcastId, ct);
        if (chosen?.Template.Data(chosen.Text, chosen.Link, now, ZaloRouteErrors.Vietnam) is not { } data)
        {
            // An officer removed the template or left a parameter unmapped after composing: Zalo would refuse it (-201).
            return new SendResult.Failed(UnmappedFailure);
        }

        if (quota.Wait(now) is { } wait)
        {
            return new SendResult.RetryAfter(wait, "zns: the daily quota is used up");
        }

        var zns = new ZaloZnsMessage(phone, chosen.Template.TemplateId, data, to.ChatId);
        var result = await authorized.SendAsync((token, c) => client.SendZnsAsync(token, zns, c), r => ZaloRouteErrors.Zns(r, time.GetUtcNow()), ct);
        if (result is SendResult.Sent)
        {
            quota.Used(now);
        }

        return result;
    }

    /// <summary>The failure of a delivery whose announcement has no usable template any more.</summary>
    public const string UnmappedFailure = "zns: the announcement's template is not fully mapped";
}

/// <summary>
/// The OA's ZNS daily quota, counted per Vietnamese day. Starts from the setting; Zalo's change_oa_daily_quota webhook
/// replaces it, and the next send sees the new figure (a lower one pauses the route until tomorrow).
/// </summary>
public sealed class ZnsDailyQuota(ZaloRouteOptions options)
{
    private readonly Lock _lock = new();
    private DateTime _day;
    private int _used;
    private int _limit = options.ZnsDailyQuota;

    public int Limit
    {
        get
        {
            lock (_lock)
            {
                return _limit;
            }
        }
    }

    public void Change(int limit)
    {
        lock (_lock)
        {
            _limit = Math.Max(0, limit);
        }
    }

    /// <summary>Sends left today.</summary>
    public int Left(DateTimeOffset now)
    {
        lock (_lock)
        {
            Roll(now);
            return Math.Max(0, _limit - _used);
        }
    }

    /// <summary>Null when a send may go now; otherwise how long until the quota renews.</summary>
    public TimeSpan? Wait(DateTimeOffset now) => Left(now) > 0 ? null : ZaloRouteErrors.UntilTomorrow(now);

    public void Used(DateTimeOffset now)
    {
        lock (_lock)
        {
            Roll(now);
            _used++;
        }
    }

    private void Roll(DateTimeOffset now)
    {
        var day = TimeZoneInfo.ConvertTime(now, ZaloRouteErrors.Vietnam).Date;
        if (day != _day)
        {
            (_day, _used) = (day, 0);
        }
    }
}
