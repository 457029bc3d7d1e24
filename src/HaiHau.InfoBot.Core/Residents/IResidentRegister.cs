using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Core.Residents;

/// <summary>What the bot keeps of a resident's registration, as a dialog may show it back to them.</summary>
public sealed record ResidentProfileView(
    long RegistrationId,
    bool ConsentAnnouncements,
    bool ConsentStatistics,
    string? CommuneCode,
    string? DeclaredCategory,
    string? Topics,
    string? HouseholdCode);

/// <summary>
/// Read-only access to registrations and the household register, for the registration dialogs (a named service of
/// <see cref="Dialogs.DialogServices"/>, STYLE.md habit 7). The engine never writes through it: what a resident
/// registers leaves the turn as events with values, which the store persists in the turn's transaction.
/// </summary>
public interface IResidentRegister
{
    ResidentProfileView? Find(ConversationRef who);

    /// <summary>The household on the newest list whose code, commune and head's name (folded) all match; null otherwise.</summary>
    long? MatchHousehold(string communeCode, string householdCode, string headName);

    /// <summary>The household on the newest list with this phone number (one the platform verified); null when none or several.</summary>
    long? MatchPhone(string phone);
}

/// <summary>No register (engine-only tests, the terminal without a store): nobody is registered, nothing matches.</summary>
public sealed class NoResidentRegister : IResidentRegister
{
    public static readonly NoResidentRegister Instance = new();

    public ResidentProfileView? Find(ConversationRef who) => null;

    public long? MatchHousehold(string communeCode, string householdCode, string headName) => null;

    public long? MatchPhone(string phone) => null;
}

/// <summary>Event kinds of registration, and the names of the values they carry.</summary>
public static class ProfileEvents
{
    /// <summary>Values: any of <see cref="Fields"/>; only the ones present change.</summary>
    public static readonly Dialogs.EventKind Saved = Dialogs.EventKinds.ProfileSaved;

    /// <summary>Values: household_id, linked_by ("resident" or "phone").</summary>
    public static readonly Dialogs.EventKind HouseholdLinked = Dialogs.EventKinds.HouseholdLinked;

    public const string ConsentAnnouncements = "consent_announcements";
    public const string ConsentStatistics = "consent_statistics";
    public const string Commune = "commune";
    public const string Category = "category";
    public const string Topics = "topics";

    /// <summary>
    /// "yes"/"no": the separate consent to be notified of announcements by phone (Zalo ZNS, issue 18). "yes" counts only
    /// with the phone the platform verified in that same turn, which the event then carries as <see cref="ZnsPhone"/>.
    /// </summary>
    public const string ConsentZns = "consent_zns";

    /// <summary>Not a dialog field: the verified phone shared in the turn that gave <see cref="ConsentZns"/>, added by save_profile.</summary>
    public const string ZnsPhone = "zns_phone";

    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        ConsentAnnouncements, ConsentStatistics, Commune, Category, Topics, ConsentZns,
    };
}
