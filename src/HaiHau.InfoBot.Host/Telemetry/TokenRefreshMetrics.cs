using System.Text.Json;

namespace HaiHau.InfoBot.Host.Telemetry;

/// <summary>
/// Counts Zalo token refresh calls on the OAuth client's wire: renewed (the answer holds a new pair), refused (Zalo
/// answered without one) or unknown (no readable answer). Nothing of the answer is kept or logged.
/// </summary>
internal sealed class TokenRefreshMetrics(InfoBotMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            metrics.TokenRefreshed("unknown");
            throw;
        }

        metrics.TokenRefreshed((int)response.StatusCode >= 500 ? "unknown" : await ResultAsync(response, cancellationToken));
        return response;
    }

    // Reading buffers the body, so the OAuth client still reads the same answer after this.
    private static async Task<string> ResultAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(ct));
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("access_token", out _) ? "renewed" : "refused";
        }
        catch (JsonException)
        {
            return "unknown";
        }
    }
}
