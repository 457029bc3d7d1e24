using System.Text.Json.Serialization;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// A consultation text message, POST /v3.0/oa/message/cs (channels.md §C.4):
/// {"recipient":{"user_id":"…"},"message":{"text":"…"}}. The user id stays a string: it exceeds 2^53.
/// </summary>
public sealed record ZaloCsMessage(
    [property: JsonPropertyName("recipient")] ZaloRecipient Recipient,
    [property: JsonPropertyName("message")] ZaloText Message);

public sealed record ZaloRecipient([property: JsonPropertyName("user_id")] string UserId);

public sealed record ZaloText([property: JsonPropertyName("text")] string Text);
