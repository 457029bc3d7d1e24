using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Core.Broadcasts;

/// <summary>
/// A resident who consented to announcements and has not stopped them, on one channel.
/// <paramref name="PersonKey"/> is the same for one person's conversations on several channels (when they linked
/// them), so each person gets an announcement once; <paramref name="HouseholdKey"/> is the register household, if linked.
/// Every source builds the key the same way (<see cref="PersonKeyOf"/>), so a resident both registered and subscribed
/// to job news is still one person. <paramref name="OnlyForItsTopics"/>: the resident consented to these topics
/// only (a job-news subscription), so a segment that names no topic ("everyone") does not reach them.
/// </summary>
public sealed record AudienceMember(
    long ConversationId,
    ConversationRef Who,
    string Commune,
    string? Category,
    IReadOnlyList<string> Topics,
    string PersonKey,
    string? HouseholdKey,
    bool OnlyForItsTopics = false)
{
    /// <summary>The person key when nothing ties the conversation to others: the conversation itself.</summary>
    public static string PersonKeyOf(long conversationId) => "conv:" + conversationId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
