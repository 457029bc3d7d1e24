using System.Net;
using System.Text;
using System.Text.Json;
using HaiHau.InfoBot.Channels.Telegram;

namespace HaiHau.InfoBot.Host.Resilience;

/// <summary>The Bot API's rules: every call is a POST, so repeatable calls are named; a 429 says how long in parameters.retry_after.</summary>
internal static class TelegramHttpRules
{
    /// <summary>
    /// Calls that change nothing when made twice. Not sendMessage (a second message), and not getUpdates: the poller
    /// is its retry loop (the stored offset makes a repeat safe), with its wait on the clock and its fault on /health.
    /// </summary>
    public static readonly IReadOnlySet<string> Idempotent = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "getMe", "getWebhookInfo", "setWebhook", "deleteWebhook", "answerCallbackQuery", "editMessageReplyMarkup", "setMyCommands",
    };

    public static ChannelHttpRules Create() => new(TelegramMapping.Channel, IsIdempotent, RetryAfterAsync, WhileOpen);

    private static bool IsIdempotent(HttpRequestMessage request) => Idempotent.Contains(ChannelResilience.CallName(request));

    private static async ValueTask<TimeSpan?> RetryAfterAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            // Buffered by the read, so Telegram.Bot can still read the same answer when it is passed back.
            using var body = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(ct));
            return body.RootElement.TryGetProperty("parameters", out var p) && p.TryGetProperty("retry_after", out var seconds)
                && seconds.TryGetInt32(out var s)
                ? TimeSpan.FromSeconds(s)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The Bot API's own error envelope, so Telegram.Bot reads it as a 503 and the outbox keeps the reply for later.</summary>
    private static HttpResponseMessage WhileOpen() => new(HttpStatusCode.ServiceUnavailable)
    {
        Content = new StringContent(
            """{"ok":false,"error_code":503,"description":"Service Unavailable: circuit open, Telegram did not answer recently; calls paused"}""",
            Encoding.UTF8,
            "application/json"),
    };
}
