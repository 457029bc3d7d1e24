using System.Text;
using System.Text.Json;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// The body's top-level "timestamp" as its raw digits, found by walking tokens without decoding any string: the
/// signature covers it, so it must be read before anything else in the body is trusted (or decoded, which is where a
/// lone UTF-16 surrogate would throw). Null when the body has none before it stops being JSON.
/// </summary>
internal static class ZaloSignedTimestamp
{
    private static readonly byte[] Name = "timestamp"u8.ToArray();

    public static (string? Digits, bool WasString) Find(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, false);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isStamp = !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual(Name);
                reader.Read();
                if (isStamp)
                {
                    return Digits(ref reader);
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON up to the timestamp: there is nothing to verify the signature with.
        }

        return (null, false);
    }

    private static (string? Digits, bool WasString) Digits(ref Utf8JsonReader reader)
    {
        // Zalo writes epoch digits; anything else (escapes, signs, fractions) is not a timestamp it signed.
        var isString = reader.TokenType == JsonTokenType.String;
        if ((!isString && reader.TokenType != JsonTokenType.Number) || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return (null, false);
        }

        var raw = reader.ValueSpan;
        if (raw.Length is 0 or > 20)
        {
            return (null, false);
        }

        foreach (var b in raw)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return (null, false);
            }
        }

        return (Encoding.ASCII.GetString(raw), isString);
    }
}
