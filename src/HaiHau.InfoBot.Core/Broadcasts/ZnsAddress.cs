using System.Globalization;

namespace HaiHau.InfoBot.Core.Broadcasts;

/// <summary>
/// The chat id of a ZNS delivery row, "zns:&lt;announcement&gt;:&lt;conversation&gt;": it says whose consented phone
/// to use (looked up at send time, so an erased resident gets nothing) and is the tracking_id Zalo dedupes on, so a
/// retried row is never billed twice.
/// </summary>
public static class ZnsAddress
{
    private const string Prefix = "zns:";

    public static string Of(long broadcastId, long conversationId) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{broadcastId}:{conversationId}");

    public static bool TryParse(string chatId, out long broadcastId, out long conversationId)
    {
        (broadcastId, conversationId) = (0, 0);
        var parts = chatId.StartsWith(Prefix, StringComparison.Ordinal) ? chatId[Prefix.Length..].Split(':') : [];
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out broadcastId)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out conversationId);
    }

    /// <summary>The key of a conversation's consented ZNS phone in the channel-state table (channel <see cref="BroadcastRouteChannels.ZaloZns"/>).</summary>
    public static string PhoneKey(long conversationId) => string.Create(CultureInfo.InvariantCulture, $"phone:{conversationId}");

    /// <summary>The phone as ZNS wants it: 84 and the subscriber number without its leading 0, digits only; null when it is not a Vietnamese mobile.</summary>
    public static string? Phone(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith('0'))
        {
            digits = "84" + digits[1..];
        }

        return digits.StartsWith("84", StringComparison.Ordinal) && digits.Length is 11 or 12 ? digits : null;
    }
}
