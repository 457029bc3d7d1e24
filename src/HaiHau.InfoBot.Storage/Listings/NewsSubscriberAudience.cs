using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Messaging;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage.Listings;

/// <summary>
/// Residents who asked for job or course news in the chat («đăng ký nhận tin việc làm / khóa học»): one member per
/// subscription, with the topic of its kind (so a segment with that topic reaches them) and the commune they gave
/// (none: only district-wide news reaches them). Asking for the news is their consent to it; «dừng» and
/// «xóa dữ liệu của tôi» delete the subscription. It is consent to that news only, so these members are
/// marked <see cref="AudienceMember.OnlyForItsTopics"/>: a general announcement does not reach them through this source. Conversations the platform reports unreachable are skipped.
/// </summary>
public sealed class NewsSubscriberAudience(IDbContextFactory<InfoBotDbContext> factory) : IBroadcastAudience
{
    /// <summary>The announcement topic of job news.</summary>
    public const string JobsTopic = "jobs";

    /// <summary>The announcement topic of course news (the registration topic of the same name).</summary>
    public const string CoursesTopic = "vocational_training";

    public static string TopicOf(Core.Listings.ListingKind kind) => kind == Core.Listings.ListingKind.Job ? JobsTopic : CoursesTopic;

    public async Task<IReadOnlyList<AudienceMember>> CandidatesAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.NewsSubscriptions.AsNoTracking()
            .Where(s => !s.Conversation!.Unreachable && !s.Conversation.ChatId.StartsWith(ConversationEraser.ErasedPrefix))
            .Select(s => new { s.ConversationId, s.Kind, s.CommuneCode, s.Conversation!.Channel, s.Conversation.UserId, s.Conversation.ChatId })
            .ToListAsync(ct);
        return rows
            .Select(r => (Row: r, Topic: Core.Listings.Listing.ParseKind(r.Kind) is { } kind ? TopicOf(kind) : null))
            .Where(x => x.Topic is not null)
            .OrderBy(x => x.Row.ConversationId)
            .Select(x => new AudienceMember(
                x.Row.ConversationId,
                new ConversationRef(x.Row.Channel, x.Row.UserId, x.Row.ChatId),
                x.Row.CommuneCode ?? string.Empty,
                Category: null,
                [x.Topic!],
                AudienceMember.PersonKeyOf(x.Row.ConversationId),
                HouseholdKey: null,
                OnlyForItsTopics: true))
            .ToList();
    }
}
