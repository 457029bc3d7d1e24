using System.Globalization;
using System.Text.Json;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// Reading Zalo's JSON without losing ids: they exceed 2^53, so a number is kept as its exact digits (never parsed
/// into a double), and a string stays a string. Which of the two arrived is reported to <see cref="ZaloFormatLog"/>.
/// </summary>
internal static class ZaloJson
{
    public static JsonElement? Child(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var child) && child.ValueKind != JsonValueKind.Null ? child : null;

    /// <summary>A string or a number as its text; null when absent, empty or of another kind.</summary>
    public static string? Text(JsonElement? element, ZaloFormatLog? formats = null, string? what = null)
    {
        switch (element?.ValueKind)
        {
            case JsonValueKind.String:
                var text = element.Value.GetString();
                if (what is not null && !string.IsNullOrEmpty(text))
                {
                    formats?.Seen(what, "a string");
                }

                return string.IsNullOrEmpty(text) ? null : text;
            case JsonValueKind.Number:
                if (what is not null)
                {
                    formats?.Seen(what, "a number");
                }

                return element.Value.GetRawText();
            default:
                return null;
        }
    }

    public static string? Text(JsonElement parent, string name, ZaloFormatLog? formats = null, string? what = null) =>
        Text(Child(parent, name), formats, what);

    /// <summary>"error": 0 or "0"; null when absent or unreadable.</summary>
    public static int? Integer(JsonElement parent, string name) =>
        Text(parent, name) is { } raw && int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
}
