using System.Globalization;
using System.Text.Json;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>What one refresh call came to.</summary>
public abstract record RefreshOutcome
{
    private RefreshOutcome()
    {
    }

    public sealed record Renewed(string AccessToken, string RefreshToken, TimeSpan ExpiresIn) : RefreshOutcome;

    /// <summary>-32: the call was refused before the token was looked at, so it is still good.</summary>
    public sealed record RateLimited : RefreshOutcome;

    /// <summary>Zalo answered and said no (refresh token used, expired, app unlinked): a person must authorise again.</summary>
    public sealed record Rejected(string Reason) : RefreshOutcome;

    /// <summary>No readable answer (network, timeout, 5xx): the single-use token may or may not be spent. Never retried.</summary>
    public sealed record Unknown(string Reason) : RefreshOutcome;
}

/// <summary>
/// OAuth v4 as a typed HttpClient (base address: InfoBot:Zalo:OAuthBaseUrl): POST /v4/oa/access_token with the app
/// secret in the secret_key header and a form body (channels.md §C.5). Neither secret reaches a log: the factory's
/// logs name the URL only, headers are redacted, bodies are never logged.
/// </summary>
public sealed class ZaloOAuthClient(HttpClient http, ZaloOptions options, ZaloFormatLog formats)
{
    public const string TokenPath = "v4/oa/access_token";

    /// <summary>Documented lifetime, used when expires_in cannot be read.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(25);

    public async Task<RefreshOutcome> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenPath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["refresh_token"] = refreshToken,
                ["app_id"] = options.AppId,
                ["grant_type"] = "refresh_token",
            }),
        };
        request.Headers.TryAddWithoutValidation("secret_key", options.AppSecret);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            return new RefreshOutcome.Unknown("network: " + ex.HttpRequestError);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new RefreshOutcome.Unknown("timeout");
        }

        using (response)
        {
            if ((int)response.StatusCode >= 500)
            {
                return new RefreshOutcome.Unknown($"http {(int)response.StatusCode}");
            }

            byte[] body;
            try
            {
                body = await response.Content.ReadAsByteArrayAsync(ct);
            }
            catch (HttpRequestException ex)
            {
                return new RefreshOutcome.Unknown("network while reading: " + ex.HttpRequestError);
            }

            return Read(body, (int)response.StatusCode);
        }
    }

    private RefreshOutcome Read(byte[] body, int status)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return new RefreshOutcome.Unknown($"http {status} with an unreadable body");
        }

        using (document)
        {
            var root = document.RootElement;
            if (ZaloJson.Text(root, "access_token") is { } access && ZaloJson.Text(root, "refresh_token") is { } refresh)
            {
                return new RefreshOutcome.Renewed(access, refresh, ExpiresIn(root));
            }

            // The error body is not documented (channels.md §C.5): any refusal but -32 needs a person.
            var code = ZaloJson.Integer(root, "error");
            return code == -32
                ? new RefreshOutcome.RateLimited()
                : new RefreshOutcome.Rejected(code is { } c ? $"error {c}" : $"http {status} without tokens");
        }
    }

    /// <summary>expires_in is a string of seconds in the official sample ("90000"); a number is accepted too.</summary>
    private TimeSpan ExpiresIn(JsonElement root)
    {
        var raw = ZaloJson.Text(root, "expires_in", formats, "expires_in");
        return raw is not null && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultLifetime;
    }
}
