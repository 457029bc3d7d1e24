using System.Net;
using System.Text;
using HaiHau.InfoBot.Channels.Zalo;

namespace HaiHau.InfoBot.Host.Resilience;

/// <summary>
/// The OA OpenAPI's rules: sends are POSTs without an idempotency key, so only a GET is repeatable. Zalo's own limits
/// come as codes in a 200 answer (-32: wait a minute), which the send mapping hands to the outbox; they are not HTTP
/// faults and pass through untouched.
/// </summary>
internal static class ZaloHttpRules
{
    public static ChannelHttpRules Create() => new(ZaloWebhookReader.Channel, r => r.Method == HttpMethod.Get, (_, _) => ValueTask.FromResult<TimeSpan?>(null), WhileOpen);

    /// <summary>An answer without a Zalo envelope: the send mapping reads "http 503 without a Zalo answer", a transient fault.</summary>
    private static HttpResponseMessage WhileOpen() => new(HttpStatusCode.ServiceUnavailable)
    {
        Content = new StringContent("circuit open: Zalo did not answer recently; calls paused", Encoding.UTF8, "text/plain"),
    };
}
