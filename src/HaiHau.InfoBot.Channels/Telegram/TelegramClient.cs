using Telegram.Bot;

namespace HaiHau.InfoBot.Channels.Telegram;

/// <summary>
/// Builds the Telegram.Bot client the way this bot needs it: its own automatic 429 retry switched off (the outbox
/// must see every 429 to pause the channel and record it), and a plain HttpClient rather than IHttpClientFactory,
/// whose request logging would write every Bot API URL, and with it the token, into the logs.
/// </summary>
public static class TelegramClient
{
    /// <summary>Room above the long-poll wait, so a getUpdates call is never cut short by the client's own timeout.</summary>
    public static readonly TimeSpan TimeoutMargin = TimeSpan.FromSeconds(20);

    /// <param name="options">The channel's settings.</param>
    /// <param name="first">A handler every call passes first (the host's resilience pipeline), or none.</param>
    public static HttpClient CreateHttp(TelegramOptions options, DelegatingHandler? first = null) =>
        new(Chain(first, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }))
        {
            Timeout = TimeSpan.FromSeconds(options.PollTimeoutSeconds) + TimeoutMargin,
        };

    private static HttpMessageHandler Chain(DelegatingHandler? first, HttpMessageHandler last)
    {
        if (first is null)
        {
            return last;
        }

        first.InnerHandler = last;
        return first;
    }

    public static TelegramBotClient Create(TelegramOptions options, HttpClient http)
    {
        var token = options.BotToken ?? throw new InvalidOperationException("InfoBot:Telegram:BotToken is not set.");
        // Telegram.Bot keeps only scheme://authority of a custom base URL, and null means the public API.
        var baseUrl = string.Equals(options.ApiBaseUrl.TrimEnd('/'), TelegramOptions.PublicApiBaseUrl, StringComparison.OrdinalIgnoreCase)
            ? null
            : options.ApiBaseUrl;
        return new TelegramBotClient(new TelegramBotClientOptions(token, baseUrl) { RetryThreshold = 0 }, http);
    }

    /// <summary>Removes the token from a text about to be logged or shown (it is part of every Bot API URL).</summary>
    public static string Redact(string text, TelegramOptions options) =>
        string.IsNullOrEmpty(options.BotToken) ? text : text.Replace(options.BotToken, "<bot-token>", StringComparison.Ordinal);
}
