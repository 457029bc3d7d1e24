using System.Text.Json.Serialization;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// A consultation message asking for the resident's Zalo profile info (channels.md §C.4):
/// {"recipient":{"user_id":"…"},"message":{"attachment":{"type":"template","payload":{"template_type":"request_user_info","elements":[…]}}}}.
/// </summary>
public sealed record ZaloUserInfoRequest(
    [property: JsonPropertyName("recipient")] ZaloRecipient Recipient,
    [property: JsonPropertyName("message")] ZaloAttachmentMessage Message)
{
    public const string TemplateType = "request_user_info";

    public static ZaloUserInfoRequest To(string userId, ZaloUserInfoElement element) =>
        new(new ZaloRecipient(userId), new ZaloAttachmentMessage(new ZaloAttachment("template", new ZaloTemplatePayload(TemplateType, [element]))));
}

public sealed record ZaloAttachmentMessage([property: JsonPropertyName("attachment")] ZaloAttachment Attachment);

public sealed record ZaloAttachment(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("payload")] ZaloTemplatePayload Payload);

public sealed record ZaloTemplatePayload(
    [property: JsonPropertyName("template_type")] string TemplateType,
    [property: JsonPropertyName("elements")] IReadOnlyList<ZaloUserInfoElement> Elements);

/// <summary>The card: a title, a line under it, and a picture (optional here: whether Zalo requires it is not known).</summary>
public sealed record ZaloUserInfoElement(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("subtitle")] string Subtitle,
    [property: JsonPropertyName("image_url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ImageUrl);
