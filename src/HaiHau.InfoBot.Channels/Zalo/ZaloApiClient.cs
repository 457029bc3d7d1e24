using System.Net.Http.Json;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// The OA OpenAPI as a typed HttpClient (base address: InfoBot:Zalo:OpenApiBaseUrl). The access token travels in
/// the access_token header, never in the URL, so request logs cannot carry it.
/// </summary>
public sealed class ZaloApiClient(HttpClient http)
{
    public const string SendPath = "v3.0/oa/message/cs";

    public Task<ZaloApiReply> SendTextAsync(string accessToken, string userId, string text, CancellationToken ct) =>
        PostAsync(accessToken, JsonContent.Create(new ZaloCsMessage(new ZaloRecipient(userId), new ZaloText(text))), ct);

    /// <summary>
    /// The request_user_info template (channels.md §C.4, ✅ SDK body): Zalo shows a card the resident taps to send
    /// their name and phone from their Zalo profile; the answer arrives as the user_submit_info event.
    /// </summary>
    public Task<ZaloApiReply> SendUserInfoRequestAsync(string accessToken, string userId, ZaloUserInfoElement element, CancellationToken ct) =>
        PostAsync(accessToken, JsonContent.Create(ZaloUserInfoRequest.To(userId, element)), ct);

    private async Task<ZaloApiReply> PostAsync(string accessToken, HttpContent content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, SendPath) { Content = content };
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
