using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Core.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace HaiHau.InfoBot.Channels.Telegram;

/// <summary>
/// The Telegram channel (STYLE.md §2.2): verifies and translates webhook updates, sends replies as HTML with inline
/// keyboards, and acknowledges button presses once they are stored. Polling feeds the same translation.
/// </summary>
public sealed class TelegramAdapter(
    ITelegramBotClient bot,
    IOptions<TelegramOptions> options,
    TelegramStatus status,
    TimeProvider time,
    ILogger<TelegramAdapter> logger) : IChannelAdapter
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    // Parts of a long reply already delivered, so a retry after a 429 or a network fault mid-way sends only the rest.
    // In memory: a restart in between would send the delivered parts again, which is rare and harmless.
    private readonly ConcurrentDictionary<string, int> _partsSent = new(StringComparer.Ordinal);

    // Chats showing the share-phone reply keyboard: the next part sent without an inline keyboard removes it
    // (a message carries one reply_markup, so a question with inline buttons cannot). In memory: after a restart the
    // one-time keyboard stays folded away until the resident opens it, which does no harm.
    private readonly ConcurrentDictionary<string, bool> _contactKeyboards = new(StringComparer.Ordinal);

    public string Channel => TelegramMapping.Channel;

    public ValueTask<WebhookResult> ReadAsync(WebhookRequest request, CancellationToken ct)
    {
        if (!SecretMatches(request.Header(SecretHeader)))
        {
            return ValueTask.FromResult<WebhookResult>(new WebhookResult.Rejected(403, "secret token missing or wrong"));
        }

        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(request.Body.Span, JsonBotAPI.Options);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            update = null; // not JSON, or a string that is not valid UTF-16 (a lone surrogate escape)
        }

        return ValueTask.FromResult(update is null
            ? new WebhookResult.Rejected(400, "not a Telegram update")
            : TelegramMapping.Read(update, time.GetUtcNow()));
    }

    public async Task<SendResult> SendAsync(ConversationRef to, OutboundMessage message, CancellationToken ct)
    {
        if (!long.TryParse(to.ChatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
        {
            return new SendResult.Failed("not a Telegram chat id"); // never retried: it will not become one
        }

        var parts = TelegramHtml.Render(message.Text);
        if (parts.Count == 0)
        {
            return new SendResult.Failed("empty message");
        }

        ReplyMarkup? keyboard;
        try
        {
            keyboard = TelegramKeyboard.For(message.QuickReplies);
        }
        catch (ArgumentException ex)
        {
            return new SendResult.Failed(ex.Message);
        }

        var key = to.ChatId + "\n" + message.Text;
        var first = _partsSent.GetValueOrDefault(key);
        var removeContactKeyboard = _contactKeyboards.ContainsKey(to.ChatId);
        Message? sent = null;
        for (var i = first; i < parts.Count; i++)
        {
            ReplyMarkup? markup;
            bool removing;
            try
            {
                // The keyboard goes on the last part, right above where the resident types.
                markup = i == parts.Count - 1 ? keyboard : null;
                removing = markup is null && removeContactKeyboard;
                sent = await bot.SendMessage(
                    chatId: chatId,
                    text: parts[i],
                    parseMode: ParseMode.Html,
                    replyMarkup: removing ? new ReplyKeyboardRemove() : markup,
                    linkPreviewOptions: NoPreview,
                    cancellationToken: ct);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested))
            {
                var result = TelegramErrors.ToResult(ex, options.Value);
                if (result is SendResult.RetryAfter or SendResult.Transient && i > 0)
                {
                    _partsSent[key] = i;
                }
                else
                {
                    _partsSent.TryRemove(key, out _);
                }

                if (TelegramErrors.IsChannelFault(result))
                {
                    status.SendFailed();
                }

                return result;
            }

            if (i < parts.Count - 1)
            {
                _partsSent[key] = i + 1;
            }

            if (removing)
            {
                removeContactKeyboard = false;
                _contactKeyboards.TryRemove(to.ChatId, out _);
            }
        }

        if (TelegramKeyboard.AsksContact(message.QuickReplies))
        {
            _contactKeyboards[to.ChatId] = true;
        }

        _partsSent.TryRemove(key, out _);
        status.SendWorked();
        return new SendResult.Sent(sent!.Id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// For a button press: stops the button's spinner (answerCallbackQuery), then removes the keyboard from the
    /// pressed message, so an old step's buttons are not pressed again by mistake.
    /// </summary>
    public async Task AfterStoredAsync(InboundMessage message, CancellationToken ct)
    {
        if (!TelegramMapping.TryReadPress(message.ExternalId, out var callbackQueryId, out var chatId, out var messageId))
        {
            return;
        }

        await bot.AnswerCallbackQuery(callbackQueryId, cancellationToken: ct);
        if (chatId is { } chat && messageId is { } pressed)
        {
            try
            {
                await bot.EditMessageReplyMarkup(chat, pressed, replyMarkup: null, cancellationToken: ct);
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 400)
            {
                // "message is not modified" (already removed) or too old to edit: nothing to do.
                logger.LogDebug("Telegram kept a keyboard: {Reason}", TelegramClient.Redact(ex.Message, options.Value));
            }
        }
    }

    // Compared as SHA-256 digests in constant time: neither the content nor the length of the secret leaks through timing.
    private bool SecretMatches(string? given)
    {
        var expected = options.Value.WebhookSecret;
        if (string.IsNullOrEmpty(expected) || given is null)
        {
            return false; // no secret configured: the webhook is closed (polling mode)
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
