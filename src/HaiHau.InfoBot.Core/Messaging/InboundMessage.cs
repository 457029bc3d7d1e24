namespace HaiHau.InfoBot.Core.Messaging;

/// <summary>What a resident sent, as every channel adapter translates it.</summary>
/// <param name="ExternalId">The platform's id for this message: the deduplication key with the channel.</param>
/// <param name="ButtonPayload">The id of a pressed choice, when the resident pressed one.</param>
/// <param name="IsStart">The conversation was (re)opened: web chat load, Telegram /start, Zalo follow.</param>
/// <param name="ContactPhone">A phone number the platform itself verified as the resident's (Telegram's shared
/// contact, Zalo's user_submit_info), never one typed in a message.</param>
public sealed record InboundMessage(
    ConversationRef From,
    string ExternalId,
    DateTimeOffset SentAt,
    string? Text,
    string? ButtonPayload = null,
    bool IsStart = false,
    string? StartPayload = null,
    string? ContactPhone = null);
