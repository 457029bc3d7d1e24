using System.Security.Cryptography;
using System.Text;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>How a webhook call's signature compared with ours.</summary>
public enum SignatureCheck
{
    Missing,
    Mismatch,
    ValidWithPrefix,
    ValidBare,
}

/// <summary>
/// X-ZEvent-Signature (channels.md §C.3): plain SHA-256, lowercase hex, of app id + raw body + the body's timestamp
/// + OA secret key. Not an HMAC. The value usually reads "mac=&lt;hex&gt;"; one implementation sends the bare hex, so
/// both are accepted.
/// </summary>
public static class ZaloSignature
{
    public const string Header = "X-ZEvent-Signature";

    public static string Compute(string appId, ReadOnlySpan<byte> rawBody, string timestamp, string oaSecretKey)
    {
        // The exact bytes received: re-serialising the JSON would change them and never match.
        var prefix = Encoding.UTF8.GetBytes(appId);
        var suffix = Encoding.UTF8.GetBytes(timestamp + oaSecretKey);
        var input = new byte[prefix.Length + rawBody.Length + suffix.Length];
        prefix.CopyTo(input, 0);
        rawBody.CopyTo(input.AsSpan(prefix.Length));
        suffix.CopyTo(input, prefix.Length + rawBody.Length);
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    public static SignatureCheck Check(string? header, string expectedHex)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return SignatureCheck.Missing;
        }

        var value = header.Trim();
        var prefixed = value.StartsWith("mac=", StringComparison.OrdinalIgnoreCase);
        if (prefixed)
        {
            value = value[4..].Trim();
        }

        // Constant time: how much of a forged value matched must not show in how long we took to say no.
        var same = CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(value.ToLowerInvariant()), Encoding.ASCII.GetBytes(expectedHex));
        return !same ? SignatureCheck.Mismatch : prefixed ? SignatureCheck.ValidWithPrefix : SignatureCheck.ValidBare;
    }
}
