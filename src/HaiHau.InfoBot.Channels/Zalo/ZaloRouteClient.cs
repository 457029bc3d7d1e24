using System.Globalization;
using System.Net.Http.Json;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// The calls of the announcement routes (issue 18): promotion messages and the promotion quota on the OpenAPI host,
/// ZNS template messages on the business host. Both hosts take the OA access token in the access_token header.
/// </summary>
public sealed class ZaloRouteClient(HttpClient openApi, HttpClient business)
{
    public const string PromotionPath = "v3.0/oa/message/promotion";
    public const string QuotaPath = "v2.0/oa/quota/message";
    public const string ZnsPath = "message/template";

    public Task<ZaloApiReply> SendPromotionAsync(string accessToken, string userId, string header, string text, CancellationToken ct) =>
        PostAsync(openApi, PromotionPath, accessToken, JsonContent.Create(ZaloPromotionMessage.To(userId, header, text)), ct);

    public Task<ZaloApiReply> SendZnsAsync(string accessToken, ZaloZnsMessage message, CancellationToken ct) =>
        PostAsync(business, ZnsPath, accessToken, JsonContent.Create(message), ct);

    /// <summary>
    /// The OA's promotion messages left today (.NET SDK getQuotaPromotionMessage). The answer's shape was never
    /// captured (channels.md §C.4 ❌): "remain" is read, as the consultation quota named it; null when unreadable.
    /// </summary>
    public async Task<int?> PromotionQuotaLeftAsync(string accessToken, CancellationToken ct)
    {
        var reply = await PostAsync(openApi, QuotaPath, accessToken, JsonContent.Create(new Dictionary<string, string> { ["type"] = "promotion" }), ct);
        return reply.Error == 0 && reply.Data is { } data && ZaloJson.Text(data, "remain") is { } remain
            && int.TryParse(remain, NumberStyles.None, CultureInfo.InvariantCulture, out var left) ? left : null;
    }

    private static async Task<ZaloApiReply> PostAsync(HttpClient http, string path, string accessToken, HttpContent content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TryAddWithoutValidation("access_token", accessToken);
        try
        {
            using var response = await http.SendAsync(request, ct);
            return ZaloApiReply.Parse(response.StatusCode, await response.Content.ReadAsByteArrayAsync(ct));
        }
        catch (HttpRequestException ex)
        {
            return ZaloApiReply.Failed("network: " + ex.HttpRequestError);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return ZaloApiReply.Failed("timeout");
        }
    }
}
