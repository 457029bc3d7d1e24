namespace HaiHau.InfoBot.Core.Messaging;

/// <summary>
/// Where a resident may be offered to be notified by phone (Zalo ZNS template messages, issue 18): only on a channel
/// whose phone route the host configured (<see cref="Dialogs.EngineOptions.PhoneNotifyChannels"/>), so nobody is asked
/// for a number the bot would never use. Dialogs ask through the read-only variable <see cref="Variable"/>.
/// </summary>
public static class PhoneNotifyChannels
{
    /// <summary>"yes" in this conversation when its channel can notify by the resident's phone, otherwise empty.</summary>
    public const string Variable = "kenh_bao_qua_so";
}
