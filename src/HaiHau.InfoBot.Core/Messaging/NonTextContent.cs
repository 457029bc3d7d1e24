namespace HaiHau.InfoBot.Core.Messaging;

/// <summary>
/// A resident sent something the bot cannot read (a photo, a sticker, a voice message, a location). Channels mark
/// such a message with <see cref="Payload"/> as its <see cref="InboundMessage.ButtonPayload"/> and put any caption in
/// <see cref="InboundMessage.Text"/>; the engine answers kindly that it reads text only, then reads the caption.
/// A reserved payload rather than a new field: the inbox already stores payloads, so no schema change is needed.
/// </summary>
public static class NonTextContent
{
    public const string PayloadPrefix = "non_text:";

    public const string Image = "image";
    public const string Gif = "gif";
    public const string Sticker = "sticker";
    public const string Audio = "audio";
    public const string Video = "video";
    public const string File = "file";
    public const string Location = "location";
    public const string Link = "link";
    public const string Contact = "contact";

    /// <summary>Someone else's phone card shared where the bot asked for the resident's own verified number.</summary>
    public const string ForeignContact = "foreign_contact";

    public static string Payload(string kind) => PayloadPrefix + kind;

    /// <summary>The kind ("image", "sticker" …) when the payload marks non-text content, else null.</summary>
    public static string? KindOf(string? payload) =>
        payload is not null && payload.StartsWith(PayloadPrefix, StringComparison.Ordinal) ? payload[PayloadPrefix.Length..] : null;
}
