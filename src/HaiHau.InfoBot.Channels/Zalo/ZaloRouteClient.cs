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
    public const string TemplateInfoPath = "template/info/v2";

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

    /// <summary>
    /// A ZNS template's status and parameter names as Zalo approved them (channels.md §C.7: data.status, data.listParams[].name;
    /// maxLength read when present). Null info when Zalo refused or the answer is unreadable (the reply says why).
    /// </summary>
    public async Task<(ZaloApiReply Reply, ZnsTemplateInfo? Info)> TemplateInfoAsync(string accessToken, string templateId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, TemplateInfoPath + "?template_id=" + Uri.EscapeDataString(templateId));
        var reply = await SendAsync(business, request, accessToken, ct);
        if (reply.Error != 0 || reply.Data is not { } data || ZaloJson.Child(data, "listParams") is not { ValueKind: System.Text.Json.JsonValueKind.Array } list)
        {
            return (reply, null);
        }

        var parameters = list.EnumerateArray()
            .Select(p => (Name: ZaloJson.Text(p, "name"), Max: ZaloJson.Text(p, "maxLength")))
            .Where(p => p.Name is not null)
            .Select(p => new ZnsTemplateInfoParameter(p.Name!, int.TryParse(p.Max, NumberStyles.None, CultureInfo.InvariantCulture, out var max) ? max : null))
            .ToList();
        return (reply, new ZnsTemplateInfo(ZaloJson.Text(data, "status") ?? "", parameters));
    }

    private static async Task<ZaloApiReply> PostAsync(HttpClient http, string path, string accessToken, HttpContent content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        return await SendAsync(http, request, accessToken, ct);
    }

    private static async Task<ZaloApiReply> SendAsync(HttpClient http, HttpRequestMessage request, string accessToken, CancellationToken ct)
    {
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

/// <summary>A ZNS template as Zalo describes it: "ENABLE" once approved and usable.</summary>
public sealed record ZnsTemplateInfo(string Status, IReadOnlyList<ZnsTemplateInfoParameter> Parameters)
{
    public bool Enabled => string.Equals(Status, "ENABLE", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One parameter of a ZNS template: its exact name, and the longest value Zalo accepts when it said.</summary>
public sealed record ZnsTemplateInfoParameter(string Name, int? MaxLength);
