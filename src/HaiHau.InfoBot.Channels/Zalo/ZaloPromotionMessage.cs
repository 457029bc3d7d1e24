using System.Text.Json.Serialization;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// A promotion message, POST /v3.0/oa/message/promotion (channels.md §C.4, ✅ SDK): the consultation shape with a
/// "promotion" template whose elements are a header and the text.
/// </summary>
public sealed record ZaloPromotionMessage(
    [property: JsonPropertyName("recipient")] ZaloRecipient Recipient,
    [property: JsonPropertyName("message")] ZaloPromotionBody Message)
{
    /// <summary>The header's longest text (Zalo shortens headers; an announcement's first words are enough).</summary>
    public const int HeaderLength = 100;

    public static ZaloPromotionMessage To(string userId, string header, string text) =>
        new(new ZaloRecipient(userId), new ZaloPromotionBody(new ZaloPromotionAttachment("template", new ZaloPromotionPayload(
            "promotion", "VI", [new ZaloPromotionElement("header", header.Length <= HeaderLength ? header : header[..HeaderLength], null), new ZaloPromotionElement("text", text, "left")]))));
}

public sealed record ZaloPromotionBody([property: JsonPropertyName("attachment")] ZaloPromotionAttachment Attachment);

public sealed record ZaloPromotionAttachment(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("payload")] ZaloPromotionPayload Payload);

public sealed record ZaloPromotionPayload(
    [property: JsonPropertyName("template_type")] string TemplateType,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("elements")] IReadOnlyList<ZaloPromotionElement> Elements);

public sealed record ZaloPromotionElement(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("align"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Align);

/// <summary>A ZNS template message, POST /message/template on the business host (channels.md §C.7).</summary>
public sealed record ZaloZnsMessage(
    [property: JsonPropertyName("phone")] string Phone,
    [property: JsonPropertyName("template_id")] string TemplateId,
    [property: JsonPropertyName("template_data")] IReadOnlyDictionary<string, string> TemplateData,
    [property: JsonPropertyName("tracking_id")] string TrackingId);
