using System.Net.Http.Headers;
using HaiHau.InfoBot.Channels.Zalo;

namespace HaiHau.InfoBot.TestKit.Zalo;

/// <summary>
/// Plays Zalo calling the bot's webhook: POST /webhooks/zalo with the raw body and X-ZEvent-Signature
/// "mac=" + SHA-256(app id + body + timestamp + OA secret key). Negative cases pass their own signature or none.
/// </summary>
public sealed class ZaloWebhookSender(HttpClient client, string appId = FakeZaloApi.AppId, string oaSecretKey = FakeZaloApi.OaSecretKey)
{
    public const string Path = "/webhooks/zalo";

    public string Sign(byte[] body, string timestamp) => "mac=" + ZaloSignature.Compute(appId, body, timestamp, oaSecretKey);

    /// <summary>Sends the payload signed as Zalo signs it.</summary>
    public Task<HttpResponseMessage> SendAsync(ZaloPayload payload, IReadOnlyDictionary<string, string>? headers = null)
    {
        var body = payload.ToBytes();
        return PostAsync(body, Sign(body, payload.Timestamp), headers);
    }

    /// <summary>Sends <paramref name="body"/> with exactly this signature header (none when null).</summary>
    public async Task<HttpResponseMessage> PostAsync(byte[] body, string? signature, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Path, UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(ZaloSignature.Header, signature);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }
}
