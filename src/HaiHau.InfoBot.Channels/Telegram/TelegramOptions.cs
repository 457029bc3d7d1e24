using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Channels.Telegram;

/// <summary>How the bot receives Telegram updates.</summary>
public enum TelegramMode
{
    /// <summary>The bot asks Telegram for updates (getUpdates): works on a server without a public HTTPS address.</summary>
    Polling,

    /// <summary>Telegram posts each update to /webhooks/telegram (registered with the "telegram set-webhook" verb).</summary>
    Webhook,
}

/// <summary>The Telegram channel. Bound from "InfoBot:Telegram"; with no BotToken the channel is off.</summary>
public sealed partial class TelegramOptions : IValidatableObject
{
    public const string Section = "InfoBot:Telegram";

    public const string PublicApiBaseUrl = "https://api.telegram.org";

    /// <summary>From BotFather ("123456789:AA…"). A secret: environment variable or user-secrets only.</summary>
    public string? BotToken { get; set; }

    /// <summary>The Bot API server: the public one, a local telegram-bot-api server, or a test fake.</summary>
    public string ApiBaseUrl { get; set; } = PublicApiBaseUrl;

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>The public HTTPS address Telegram posts to, ending in /webhooks/telegram (used by "telegram set-webhook").</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Sent by Telegram in X-Telegram-Bot-Api-Secret-Token on every webhook call: 1–256 of A–Z a–z 0–9 _ -.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How long one getUpdates call waits for news (long polling) before asking again.</summary>
    [Range(0, 50)]
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>A token is set: the channel is on.</summary>
    public bool HasToken() => !string.IsNullOrWhiteSpace(BotToken);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The messages never repeat a value: the token and the secret must not reach a console or a log.
        if (HasToken() && !TokenShape().IsMatch(BotToken!))
        {
            yield return new ValidationResult("InfoBot:Telegram:BotToken does not look like a BotFather token (digits, a colon, then letters).", [nameof(BotToken)]);
        }

        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult("InfoBot:Telegram:ApiBaseUrl must be an absolute http(s) address.", [nameof(ApiBaseUrl)]);
        }

        if (!string.IsNullOrEmpty(WebhookSecret) && !SecretShape().IsMatch(WebhookSecret))
        {
            yield return new ValidationResult("InfoBot:Telegram:WebhookSecret must be 1–256 of A–Z, a–z, 0–9, '_' and '-' (Telegram's rule).", [nameof(WebhookSecret)]);
        }

        if (Mode == TelegramMode.Webhook && string.IsNullOrEmpty(WebhookSecret))
        {
            // Without it anyone who guesses the address could post updates in a resident's name.
            yield return new ValidationResult("InfoBot:Telegram:Mode is Webhook, so InfoBot:Telegram:WebhookSecret must be set.", [nameof(WebhookSecret)]);
        }

        if (!string.IsNullOrEmpty(WebhookUrl) && !Uri.TryCreate(WebhookUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("InfoBot:Telegram:WebhookUrl must be an absolute address.", [nameof(WebhookUrl)]);
        }
    }

    [GeneratedRegex(@"^[0-9]{1,16}:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenShape();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();
}
