using System.Globalization;
using System.Text.Json;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Text;
using Microsoft.Extensions.Logging;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// Verifies a Zalo webhook call (signature, then age) and translates its event. Never touches the network or the
/// store: Zalo waits for our 200, at most 2 seconds.
/// </summary>
public sealed class ZaloWebhookReader(
    ZaloOptions options, TimeProvider time, ZaloFormatLog formats, ILogger<ZaloWebhookReader> logger, ZaloRouteSignals? routes = null)
{
    public const string Channel = "zalo";

    /// <summary>Clocks differ a little; a timestamp further ahead than this is not Zalo's.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    private static readonly Dictionary<string, string> NonTextKinds = new(StringComparer.Ordinal)
    {
        ["user_send_image"] = NonTextContent.Image,
        ["user_send_gif"] = NonTextContent.Gif,
        ["user_send_sticker"] = NonTextContent.Sticker,
        ["user_send_audio"] = NonTextContent.Audio,
        ["user_send_video"] = NonTextContent.Video,
        ["user_send_file"] = NonTextContent.File,
        ["user_send_location"] = NonTextContent.Location,
        ["user_send_link"] = NonTextContent.Link,
        ["user_send_business_card"] = NonTextContent.Contact,
    };

    public WebhookResult Read(WebhookRequest request)
    {
        var header = request.Header(ZaloSignature.Header);
        if (string.IsNullOrWhiteSpace(header))
        {
            return new WebhookResult.Rejected(401, "no X-ZEvent-Signature header");
        }

        // The signature first, over the raw bytes: nothing else in the body is read (or decoded) before it holds.
        var (stamp, stampWasString) = ZaloSignedTimestamp.Find(request.Body.Span);
        if (stamp is null)
        {
            return new WebhookResult.Rejected(401, "no timestamp in the body to verify the signature with");
        }

        var check = ZaloSignature.Check(header, ZaloSignature.Compute(options.AppId, request.Body.Span, stamp, options.OaSecretKey));
        if (check is SignatureCheck.Missing or SignatureCheck.Mismatch)
        {
            return new WebhookResult.Rejected(401, "signature does not match");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(request.Body);
        }
        catch (JsonException)
        {
            return new WebhookResult.Rejected(400, "body is not JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            formats.Seen("timestamp", stampWasString ? "a string" : "a number");
            formats.Seen("X-ZEvent-Signature", check == SignatureCheck.ValidWithPrefix ? "mac=<hex>" : "bare hex");
            if (ParseTimestamp(stamp) is not { } sentAt)
            {
                return new WebhookResult.Rejected(400, "timestamp is not an epoch time");
            }

            var age = time.GetUtcNow() - sentAt;
            if (age > options.ReplayWindow || -age > AllowedClockSkew)
            {
                return new WebhookResult.Rejected(401, "timestamp outside the replay window");
            }

            if (request.Header("num_retry") is { } retry)
            {
                logger.LogInformation("Zalo webhook retry {NumRetry} (it could not reach us before)", retry);
            }

            try
            {
                return Translate(ZaloEvent.Parse(root, formats), sentAt, stamp, root);
            }
            catch (InvalidOperationException)
            {
                // A string that is not valid UTF-16 (a lone surrogate escape): well-formed JSON, unreadable text.
                return new WebhookResult.Rejected(400, "a text field is not valid Unicode");
            }
        }
    }

    private WebhookResult Translate(ZaloEvent e, DateTimeOffset sentAt, string stamp, JsonElement root)
    {
        if (routes is not null && ZaloRouteSignals.Handles(e.Name))
        {
            // Announcement routes (issue 18): nothing to store or answer, only pacing and what officers see.
            return new WebhookResult.Ignored(routes.Handle(e.Name, root));
        }

        if (e.Name == "user_send_text")
        {
            return e is { SenderId: { } user, MessageId: { } id }
                ? new WebhookResult.Accepted(new InboundMessage(To(user), id, sentAt, e.Text ?? string.Empty))
                : new WebhookResult.Ignored("user_send_text without sender.id or message.msg_id");
        }

        if (e.Name.StartsWith("user_send_", StringComparison.Ordinal))
        {
            // A photo, sticker, voice message …: the engine says kindly that it reads words only, and reads the caption.
            var kind = NonTextKinds.GetValueOrDefault(e.Name, "other");
            return e is { SenderId: { } user, MessageId: { } id }
                ? new WebhookResult.Accepted(new InboundMessage(To(user), id, sentAt, e.Text, NonTextContent.Payload(kind)))
                : new WebhookResult.Ignored(e.Name + " without sender.id or message.msg_id");
        }

        switch (e.Name)
        {
            case "user_submit_info":
                return SubmittedInfo(e, stamp, sentAt);
            case "follow" when e.FollowerId is { } follower:
                // A follow has no msg_id; the same event delivered again carries the same timestamp, so this dedupes it.
                return new WebhookResult.Accepted(new InboundMessage(To(follower), $"follow:{follower}:{stamp}", sentAt, null, IsStart: true));
            case "unfollow" when e.FollowerId is { } follower:
                return new WebhookResult.Accepted([], [new ChannelSignal(To(follower), ChannelSignalKind.Unreachable, time.GetUtcNow(), Note: "unfollowed the OA")]);
            case "follow" or "unfollow":
                return new WebhookResult.Ignored(e.Name + " without a follower id");
        }

        if (e.Name.StartsWith("oa_send_", StringComparison.Ordinal))
        {
            if (e.AdminId is null)
            {
                return new WebhookResult.Ignored("echo of a message sent through the API");
            }

            if (e.RecipientId is not { } resident)
            {
                return new WebhookResult.Ignored(e.Name + " from an officer without recipient.id");
            }

            logger.LogInformation("Zalo: an officer answered by hand in the OA chat tool; the bot keeps quiet in that chat for {Duration}", options.HumanTakeoverDuration);
            return new WebhookResult.Accepted([], [new ChannelSignal(To(resident), ChannelSignalKind.HumanTakeover, time.GetUtcNow(), options.HumanTakeoverDuration, "officer answered in the Zalo OA chat tool")]);
        }

        return new WebhookResult.Ignored($"event {(e.Name.Length > 0 ? e.Name : "(no event_name)")} is not used");
    }

    /// <summary>
    /// The answer to a request_user_info card: the phone of the resident's own Zalo account, so it counts as verified.
    /// It has no msg_id; a delivery of the same event again carries the same timestamp, so that dedupes it.
    /// </summary>
    private WebhookResult SubmittedInfo(ZaloEvent e, string stamp, DateTimeOffset sentAt)
    {
        if ((e.SenderId ?? e.FollowerId) is not { } user)
        {
            return new WebhookResult.Ignored("user_submit_info without sender.id or user_id");
        }

        if (e.SubmittedPhone is not { } phone)
        {
            logger.LogWarning("Zalo user_submit_info arrived without a phone; it is read as not shared");
        }

        var normalised = e.SubmittedPhone is { } p ? PhoneNumbers.Normalise(p) ?? p.Trim() : null;
        return new WebhookResult.Accepted(new InboundMessage(To(user), $"submit_info:{user}:{stamp}", sentAt, null, ContactPhone: normalised));
    }

    private static ConversationRef To(string userId) => new(Channel, userId, userId);

    /// <summary>Epoch milliseconds as documented; 10 digits would be seconds (a variant some samples suggest).</summary>
    private DateTimeOffset? ParseTimestamp(string stamp)
    {
        if (!long.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        try
        {
            if (stamp.Length <= 10)
            {
                formats.Seen("timestamp unit", "epoch seconds");
                return DateTimeOffset.FromUnixTimeSeconds(value);
            }

            formats.Seen("timestamp unit", "epoch milliseconds");
            return DateTimeOffset.FromUnixTimeMilliseconds(value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
