using System.Net;
using HaiHau.InfoBot.Core.Channels;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>Zalo's error codes (channels.md §C.1) as send outcomes. Decided on the code, never on the message text.</summary>
public static class ZaloErrors
{
    /// <summary>The -32 limit is counted per minute.</summary>
    public static readonly TimeSpan RateLimitPause = TimeSpan.FromMinutes(1);

    /// <summary>The failure of a consultation message outside the 7-day window (-230/-232): broadcasts count it, the routes fall back on it.</summary>
    public const string WindowFailure = "window";

    /// <summary>
    /// The access token was refused: refresh once and send again. 216, 401 and -401 are production-observed variants;
    /// -124 is the ZNS (business) host's code for it.
    /// </summary>
    public static bool IsTokenRefused(ZaloApiReply reply) => reply.Error is -216 or -220 or 216 or -401 or 401 or -124;

    public static SendResult ToSendResult(ZaloApiReply reply)
    {
        if (reply.Transport is { } transport)
        {
            return new SendResult.Transient(transport);
        }

        if (reply.Error is not { } code)
        {
            // No Zalo envelope: a proxy or an outage answered. 5xx and 429 pass; anything else is our mistake.
            var status = (int)(reply.Status ?? HttpStatusCode.InternalServerError);
            return status >= 500 || status == 429 || status == 200
                ? new SendResult.Transient($"http {status} without a Zalo answer")
                : new SendResult.Failed($"http {status} without a Zalo answer");
        }

        return code switch
        {
            0 => new SendResult.Sent(reply.MessageId ?? string.Empty),
            -213 => new SendResult.Unreachable("-213: has not followed the OA"),
            -227 => new SendResult.Unreachable("-227: account locked or inactive over 45 days"),
            -244 => new SendResult.Unreachable("-244: has blocked this message type"),
            // Outside the 7-day consultation window: not delivered, and broadcasts count these by this exact word.
            -230 or -232 => new SendResult.Failed(WindowFailure),
            -32 => new SendResult.RetryAfter(RateLimitPause, "-32: API call limit reached"),
            -200 => new SendResult.Transient("-200: send failed"),
            _ => new SendResult.Failed($"{code}: {Shorten(reply.Message)}"),
        };
    }

    private static string Shorten(string? message) =>
        string.IsNullOrWhiteSpace(message) ? "(no message)" : message.Length <= 120 ? message : message[..120];
}
