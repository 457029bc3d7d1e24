using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// The OA's tokens as stored: both in one value, since the refresh token is single-use and a pair half-written
/// would lock the bot out. <see cref="Seed"/> fingerprints the configured refresh token the pair grew from: when
/// an operator configures a different one, the stored pair is replaced by it. <see cref="RefreshingSince"/> is set
/// while one process spends the refresh token (the claim other hosts respect, see <see cref="ZaloTokens"/>).
/// </summary>
public sealed record ZaloTokenPair(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("expires_at")] DateTimeOffset? ExpiresAt,
    [property: JsonPropertyName("reauth_required")] bool ReauthRequired,
    [property: JsonPropertyName("problem")] string? Problem,
    [property: JsonPropertyName("seed")] string Seed,
    [property: JsonPropertyName("refreshing_since")] DateTimeOffset? RefreshingSince = null)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static ZaloTokenPair? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ZaloTokenPair>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A short hash: enough to notice a new configured token, useless for recovering it.</summary>
    public static string Fingerprint(string refreshToken) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)))[..16];
}
