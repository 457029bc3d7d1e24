using System.Net;
using System.Text.Json;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// What the OpenAPI answered: {"error":0,"message":"Success","data":{"message_id":"…"}}. Application errors come as
/// HTTP 200 with error != 0, so the body decides; <see cref="Transport"/> is set when no answer came at all.
/// </summary>
public sealed record ZaloApiReply(HttpStatusCode? Status, int? Error, string? Message, string? MessageId, string? Transport = null)
{
    /// <summary>The reply's "data" object (a copy), for answers that carry more than a message id (quota, ZNS).</summary>
    public JsonElement? Data { get; init; }

    public static ZaloApiReply Failed(string transport) => new(null, null, null, null, transport);

    public static ZaloApiReply Parse(HttpStatusCode status, ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            var data = ZaloJson.Child(root, "data");
            return new ZaloApiReply(
                status,
                ZaloJson.Integer(root, "error"),
                ZaloJson.Text(root, "message"),
                data is { } d ? ZaloJson.Text(d, "message_id") ?? ZaloJson.Text(d, "msg_id") : null)
            {
                Data = data?.Clone(),
            };
        }
        catch (JsonException)
        {
            return new ZaloApiReply(status, null, null, null);
        }
    }
}
