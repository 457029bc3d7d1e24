using Telegram.Bot.Exceptions;
using HaiHau.InfoBot.Core.Channels;

namespace HaiHau.InfoBot.Channels.Telegram;

/// <summary>
/// What a failed Bot API call means for the outbox. Decided on error_code and parameters, never on the description
/// text ("subject to change"); the description is kept as the reason officers read on the outbox row.
/// </summary>
public static class TelegramErrors
{
    /// <summary>A 429 without retry_after (not seen in practice) still pauses the channel a little.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    public static SendResult ToResult(Exception error, TelegramOptions options)
    {
        var reason = TelegramClient.Redact(error.Message, options);
        return error switch
        {
            ApiRequestException { ErrorCode: 429 } api =>
                new SendResult.RetryAfter(api.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultRetryAfter, reason),
            // "bot was blocked by the user", "user is deactivated", "bot was kicked": nobody to send to any more.
            ApiRequestException { ErrorCode: 403 } => new SendResult.Unreachable(reason),
            // A bad token or address refuses every send: keep the replies and retry, /health shows the fault.
            ApiRequestException { ErrorCode: 401 or 404 } api => new SendResult.Transient($"{api.ErrorCode} {reason}: check InfoBot:Telegram:BotToken and ApiBaseUrl"),
            ApiRequestException { ErrorCode: >= 500 or 409 } api => new SendResult.Transient($"{api.ErrorCode} {reason}"),
            // 400 and the rest: this request will never succeed as it is ("chat not found", "message is too long").
            ApiRequestException api => new SendResult.Failed(api.ErrorCode == 400 ? reason : $"{api.ErrorCode} {reason}"),
            // Network failures and timeouts, which Telegram.Bot wraps as RequestException.
            RequestException or HttpRequestException or TaskCanceledException => new SendResult.Transient(reason),
            _ => new SendResult.Transient(error.GetType().Name),
        };
    }

    /// <summary>Faults that say the channel as a whole does not work right now (for /health).</summary>
    public static bool IsChannelFault(SendResult result) => result is SendResult.Transient;
}
