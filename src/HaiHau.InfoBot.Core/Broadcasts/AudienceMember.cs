using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Core.Broadcasts;

/// <summary>
/// A resident who consented to announcements and has not stopped them, on one channel.
/// <paramref name="PersonKey"/> is the same for one person's conversations on several channels (when they linked
/// them), so each person gets an announcement once; <paramref name="HouseholdKey"/> is the register household, if linked.
/// </summary>
public sealed record AudienceMember(
    long ConversationId,
    ConversationRef Who,
    string Commune,
    string? Category,
    IReadOnlyList<string> Topics,
    string PersonKey,
    string? HouseholdKey);
