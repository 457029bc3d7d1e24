using System.Net.Http.Json;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// The OA OpenAPI as a typed HttpClient (base address: InfoBot:Zalo:OpenApiBaseUrl). The access token travels in
/// the access_token header, never in the URL, so request logs cannot carry it.
/// </summary>
public sealed class ZaloApiClient(HttpClient http)
{
    public const string SendPath = "v3.0/oa/message/cs";

    public async Task<ZaloApiReply> SendTextAsync(string accessToken, string userId, string text, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, SendPath)
        {
            Content = JsonContent.Create(new ZaloCsMessage(new ZaloRecipient(userId), new ZaloText(text))),
        };
        request.Headers.TryAddWithoutValidation("access_token", accessToken);
        try
        {
            using var response = await http.SendAsync(request, ct);
            return ZaloApiReply.Parse(response.StatusCode, await response.Content.ReadAsByteArrayAsync(ct));
        }
        catch (HttpRequestException ex)
        {
            return ZaloApiReply.Failed("network: " + (ex.HttpRequestError.ToString()));
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return ZaloApiReply.Failed("timeout");
        }
    }
}
