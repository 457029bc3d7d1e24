using System.Globalization;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Residents;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage.Residents;

/// <summary>
/// Writes a turn's registration events into the resident's profile, in the turn's transaction. Stores the minimum:
/// a resident who consents to nothing keeps no commune, category, topics or household link.
/// </summary>
public sealed class ResidentProfileWriter(TopicRegistry registry) : ITurnOutputWriter
{
    public async Task WriteAsync(TurnOutput turn, CancellationToken ct)
    {
        ResidentProfileRecord? profile = null;
        var isNew = false;
        foreach (var e in turn.Result.Events.Where(e => (e.Kind == ProfileEvents.Saved || e.Kind == ProfileEvents.HouseholdLinked) && e.Data is not null))
        {
            if (profile is null)
            {
                profile = await FindAsync(turn.Db, turn.Conversation, ct);
                if (profile is null)
                {
                    isNew = true;
                    profile = new ResidentProfileRecord { ConversationId = turn.Conversation.Id, Channel = turn.Conversation.Channel, CreatedAt = turn.Now };
                }
            }

            if (e.Kind == ProfileEvents.Saved)
            {
                Apply(profile, e.Data!, turn.Now, registry);
            }
            else if (profile.ConsentStatistics && long.TryParse(e.Data!.GetValueOrDefault("household_id"), NumberStyles.None, CultureInfo.InvariantCulture, out var household))
            {
                profile.HouseholdId = household;
                profile.LinkedBy = e.Data!.GetValueOrDefault("linked_by") ?? "resident";
                profile.LinkedAt = turn.Now;
            }

            profile.UpdatedAt = turn.Now;
        }

        if (profile is not null && isNew && (profile.ConsentAnnouncements || profile.ConsentStatistics))
        {
            turn.Db.ResidentProfiles.Add(profile);
        }
    }

    /// <summary>The conversation's profile: the one this turn already tracks, else the stored one.</summary>
    public static async Task<ResidentProfileRecord?> FindAsync(InfoBotDbContext db, ConversationRecord conversation, CancellationToken ct) =>
        db.ResidentProfiles.Local.FirstOrDefault(p => p.ConversationId == conversation.Id)
        ?? (conversation.Id == 0 ? null : await TurnQueries.ProfileByConversationAsync(db, conversation.Id, ct));

    private static void Apply(ResidentProfileRecord profile, IReadOnlyDictionary<string, string> values, DateTimeOffset now, TopicRegistry registry)
    {
        if (values.TryGetValue(ProfileEvents.ConsentAnnouncements, out var announcements))
        {
            var yes = announcements == "yes";
            if (yes && !profile.ConsentAnnouncements)
            {
                profile.ConsentedAt = now;
                profile.AnnouncementsStoppedAt = null;
            }
            else if (!yes && profile.ConsentAnnouncements)
            {
                profile.AnnouncementsStoppedAt = now;
            }

            profile.ConsentAnnouncements = yes;
        }

        if (values.TryGetValue(ProfileEvents.ConsentStatistics, out var statistics))
        {
            profile.ConsentStatistics = statistics == "yes";
            profile.ConsentedAt ??= profile.ConsentStatistics ? now : null;
        }

        if (values.TryGetValue(ProfileEvents.Commune, out var commune))
        {
            profile.CommuneCode = string.IsNullOrWhiteSpace(commune) ? null : commune.Trim();
        }

        if (values.TryGetValue(ProfileEvents.Category, out var category))
        {
            profile.DeclaredCategory = DeclaredCategories.All.Contains(category) ? category : null;
        }

        if (values.TryGetValue(ProfileEvents.Topics, out var topics))
        {
            var ids = topics.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => t == "all" || registry.Subjects.Contains(t)).Distinct().ToList();
            profile.Topics = ids.Contains("all") ? "all" : ids.Count == 0 ? null : string.Join(' ', ids);
        }

        if (!profile.ConsentStatistics)
        {
            // The household link serves only the statistics: without that consent it is not kept.
            (profile.HouseholdId, profile.LinkedBy, profile.LinkedAt) = (null, null, null);
        }

        if (!profile.ConsentAnnouncements && !profile.ConsentStatistics)
        {
            (profile.CommuneCode, profile.DeclaredCategory, profile.Topics) = (null, null, null);
        }
    }
}
