using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Understanding;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage.Residents;

/// <summary>
/// The registered residents an announcement may reach: consented to announcements and not stopped them, not erased
/// (erasing deletes the profile; the chat id check guards a profile written in the same turn), and not unreachable
/// (blocked or unfollowed: sending would only fail). One member per conversation.
/// </summary>
public sealed class ResidentAudience(IDbContextFactory<InfoBotDbContext> factory, TopicRegistry topics) : IBroadcastAudience
{
    /// <summary>
    /// The topics an officer can target: the registry's subjects (topics.yaml), so a topic added there can be targeted
    /// at once; a resident who chose "all" hears about each of them.
    /// </summary>
    public IReadOnlyList<string> AnnouncementTopics => topics.Subjects;

    public async Task<IReadOnlyList<AudienceMember>> CandidatesAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.ResidentProfiles.AsNoTracking()
            .Where(p => p.ConsentAnnouncements && p.AnnouncementsStoppedAt == null)
            .Where(p => !p.Conversation!.Unreachable && !p.Conversation.ChatId.StartsWith(ConversationEraser.ErasedPrefix))
            .OrderBy(p => p.ConversationId)
            .Select(p => new
            {
                p.ConversationId,
                p.Conversation!.Channel,
                p.Conversation.UserId,
                p.Conversation.ChatId,
                p.CommuneCode,
                p.DeclaredCategory,
                p.Topics,
                p.HouseholdId,
                p.LinkedBy,
            })
            .ToListAsync(ct);

        // One person on two channels: a link by a platform-verified phone can only be made by the owner of the
        // register's phone number, so conversations phone-linked to the same household are the same person. Every
        // other conversation is its own person (AudienceMember.PersonKeyOf), the key every audience source shares.
        return rows.Select(r => new AudienceMember(
            r.ConversationId,
            new ConversationRef(r.Channel, r.UserId, r.ChatId),
            r.CommuneCode ?? "", // no commune given: reached only by district-wide announcements
            r.DeclaredCategory,
            TopicsOf(r.Topics),
            r.HouseholdId is { } phoneHousehold && r.LinkedBy == "phone"
                ? "phone-of-hh:" + phoneHousehold.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : AudienceMember.PersonKeyOf(r.ConversationId),
            r.HouseholdId is { } household ? "hh:" + household.ToString(System.Globalization.CultureInfo.InvariantCulture) : null)).ToList();
    }

    private IReadOnlyList<string> TopicsOf(string? chosen) =>
        chosen is null ? []
        : chosen == "all" ? AnnouncementTopics
        : chosen.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
