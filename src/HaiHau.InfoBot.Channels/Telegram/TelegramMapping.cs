using System.Globalization;
using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Text;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace HaiHau.InfoBot.Channels.Telegram;

/// <summary>
/// Translates a Telegram update (webhook or getUpdates) into what the bot stores and answers. Only private chats
/// with people are conversations; everything else is acknowledged and dropped.
/// </summary>
public static partial class TelegramMapping
{
    public const string Channel = "telegram";

    /// <summary>What the bot asks Telegram for (setWebhook and getUpdates): messages, button presses, blocks.</summary>
    public static readonly UpdateType[] WantedUpdates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    /// <summary>Starts the reason of an update ignored because it lacks fields every real one has (logged as a warning).</summary>
    public const string Malformed = "malformed update: ";

    private const string CallbackPrefix = "cb:";

    // Things a person sends that carry no words (a caption, if any, is read as the text).
    private static readonly HashSet<MessageType> Content =
    [
        MessageType.Text, MessageType.Photo, MessageType.Audio, MessageType.Video, MessageType.Voice, MessageType.Document,
        MessageType.Sticker, MessageType.Location, MessageType.Contact, MessageType.Venue, MessageType.VideoNote,
        MessageType.Poll, MessageType.Dice, MessageType.Animation, MessageType.Story, MessageType.PaidMedia,
    ];

    /// <summary>
    /// Never throws on a malformed update (fields the Bot API always sends may still be missing from a forged or
    /// broken one): such an update is ignored, so polling moves past it and a webhook answers 200 instead of a retry.
    /// </summary>
    public static WebhookResult Read(Update update, DateTimeOffset now)
    {
        try
        {
            return update switch
            {
                { Message: { } message } => FromMessage(message),
                { CallbackQuery: { } press } => FromPress(press, now),
                { MyChatMember: { } member } => FromMembership(member),
                _ => new WebhookResult.Ignored($"{update.Type} update not used"),
            };
        }
        catch (Exception ex) when (ex is NullReferenceException or InvalidOperationException or ArgumentException)
        {
            // A gap the checks below missed: still a poison update, never a stopped channel.
            return new WebhookResult.Ignored(Malformed + ex.GetType().Name);
        }
    }

    /// <summary>
    /// The ids a stored button press needs for its acknowledgement, read back from its external id
    /// (answerCallbackQuery; the pressed message, whose keyboard is then removed).
    /// </summary>
    public static bool TryReadPress(string externalId, out string callbackQueryId, out long? chatId, out int? messageId)
    {
        callbackQueryId = string.Empty;
        chatId = null;
        messageId = null;
        if (!externalId.StartsWith(CallbackPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = externalId[CallbackPrefix.Length..].Split(':');
        callbackQueryId = parts[0];
        if (parts.Length == 3
            && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chat)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var message))
        {
            chatId = chat;
            messageId = message;
        }

        return callbackQueryId.Length > 0;
    }

    private static WebhookResult FromMessage(Message message)
    {
        if (message.Chat is null)
        {
            return new WebhookResult.Ignored(Malformed + "message without chat");
        }

        if (message.Chat.Type != ChatType.Private)
        {
            return new WebhookResult.Ignored($"message in a {message.Chat.Type} chat");
        }

        if (message.From is not { IsBot: false } from)
        {
            return new WebhookResult.Ignored("message not from a person");
        }

        if (!Content.Contains(message.Type))
        {
            return new WebhookResult.Ignored($"{message.Type} service message");
        }

        if (message.Contact is { PhoneNumber: not null } contact)
        {
            return FromContact(message, from, contact);
        }

        var (isStart, payload) = ReadStart(message.Text);
        // External id: the message itself, not update_id. Update ids restart at a random value after a quiet week,
        // and a repeated one would silently drop a new message as a duplicate; (chat, message id) never repeats.
        return new WebhookResult.Accepted(new InboundMessage(
            Address(from.Id, message.Chat.Id),
            MessageId(message),
            new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc)),
            message.Text ?? message.Caption,
            IsStart: isStart,
            StartPayload: payload));
    }

    /// <summary>
    /// A shared phone card. Telegram's request_contact button sends the resident's own card, with contact.user_id
    /// equal to the sender's id; that number Telegram verified. Any other card (forwarded from the address book, or
    /// without user_id) could be anyone's: it is marked so the bot refuses it kindly, and its number is dropped.
    /// </summary>
    private static WebhookResult.Accepted FromContact(Message message, User from, Contact contact)
    {
        var own = contact.UserId == from.Id;
        return new WebhookResult.Accepted(new InboundMessage(
            Address(from.Id, message.Chat.Id),
            MessageId(message),
            new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc)),
            Text: null,
            ButtonPayload: own ? null : NonTextContent.Payload(NonTextContent.ForeignContact),
            ContactPhone: own ? PhoneNumbers.Normalise(contact.PhoneNumber) ?? contact.PhoneNumber.Trim() : null));
    }

    private static string MessageId(Message message) =>
        $"{message.Chat.Id.ToString(CultureInfo.InvariantCulture)}:{message.Id.ToString(CultureInfo.InvariantCulture)}";

    private static WebhookResult FromPress(CallbackQuery press, DateTimeOffset now)
    {
        if (press.From is null)
        {
            return new WebhookResult.Ignored(Malformed + "button press without from");
        }

        if (press.Data is null)
        {
            return new WebhookResult.Ignored("button press without data");
        }

        if (press.Message is { } pressed && pressed.Chat?.Type != ChatType.Private)
        {
            return new WebhookResult.Ignored(pressed.Chat is { } chat ? $"button press in a {chat.Type} chat" : Malformed + "button press on a message without chat");
        }

        // A private chat's id is the person's id, so a press on a message Telegram no longer shows still has its chat.
        var chatId = press.Message?.Chat?.Id ?? press.From.Id;
        var externalId = CallbackPrefix + press.Id
            + (press.Message is { } m ? $":{chatId.ToString(CultureInfo.InvariantCulture)}:{m.Id.ToString(CultureInfo.InvariantCulture)}" : string.Empty);
        return new WebhookResult.Accepted(new InboundMessage(Address(press.From.Id, chatId), externalId, now, Text: null, ButtonPayload: press.Data));
    }

    private static WebhookResult FromMembership(ChatMemberUpdated member)
    {
        // In a private chat Telegram sends this only when the resident blocks (kicked) or unblocks the bot.
        if (member.Chat is null || member.From is null || member.NewChatMember is null)
        {
            return new WebhookResult.Ignored(Malformed + "membership change without chat, from or new_chat_member");
        }

        if (member.Chat.Type == ChatType.Private && member.NewChatMember.Status == ChatMemberStatus.Kicked)
        {
            var signal = new ChannelSignal(
                Address(member.From.Id, member.Chat.Id),
                ChannelSignalKind.Unreachable,
                new DateTimeOffset(DateTime.SpecifyKind(member.Date, DateTimeKind.Utc)),
                Note: "bot was blocked by the user");
            return new WebhookResult.Accepted([], [signal]);
        }

        return new WebhookResult.Ignored("membership change");
    }

    /// <summary>"/start", "/start hai-chau", "/start@haihau_bot hai-chau" (deep links: A–Z a–z 0–9 _ -, up to 64).</summary>
    private static (bool IsStart, string? Payload) ReadStart(string? text)
    {
        var match = text is null ? Match.Empty : StartCommand().Match(text);
        if (!match.Success)
        {
            return (false, null);
        }

        var payload = match.Groups["payload"].Value.Trim();
        return (true, DeepLinkPayload().IsMatch(payload) ? payload : null);
    }

    private static ConversationRef Address(long userId, long chatId) =>
        new(Channel, userId.ToString(CultureInfo.InvariantCulture), chatId.ToString(CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^/start(@[A-Za-z0-9_]+)?(\s+(?<payload>.*))?$", RegexOptions.Singleline)]
    private static partial Regex StartCommand();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex DeepLinkPayload();
}
