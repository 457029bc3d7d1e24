namespace HaiHau.InfoBot.Core.Messaging;

/// <summary>
/// The channels whose adapter turns the <c>share_contact</c> choice into a platform request for the resident's own,
/// verified number (Telegram's request_contact button, Zalo's request_user_info message). Dialogs ask through the
/// read-only variable <see cref="Variable"/> instead of naming channels, so the web chat never offers a button
/// that cannot work there. The names equal the adapters' channel names.
/// </summary>
public static class VerifiedPhoneChannels
{
    /// <summary>"yes" in this conversation when its channel can share a verified phone, otherwise empty.</summary>
    public const string Variable = "kenh_chia_se_so";

    private static readonly HashSet<string> Channels = new(StringComparer.Ordinal) { "telegram", "zalo" };

    public static bool Supports(string? channel) => channel is not null && Channels.Contains(channel);
}
