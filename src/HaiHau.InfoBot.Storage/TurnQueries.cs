using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Residents;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// The look-ups every turn runs, as plain reads (<see cref="RowQuery{T}"/>): they were EF compiled queries, which still
/// loaded EF Core's query pipeline at start (the warm-up runs them) and paid its per-call overhead on every turn (issue 15).
/// On SQLite each runs through a statement kept on the turn's connection (<see cref="RowQuery{T}.Kept"/>).
/// The message and the conversation are read untracked: a turn writes them with its own commands (<see cref="TurnWrite"/>).
/// </summary>
internal static class TurnQueries
{
    public static Task<InboxRecord?> InboxByExternalIdAsync(InfoBotDbContext db, string channel, string externalId, CancellationToken ct) =>
        RowQuery<InboxRecord>.From(db)
            .Where(nameof(InboxRecord.Channel), channel).Where(nameof(InboxRecord.ExternalId), externalId).Kept().FirstOrDefaultAsync(ct);

    public static Task<ConversationRecord?> ConversationByChatAsync(InfoBotDbContext db, string channel, string chatId, CancellationToken ct) =>
        RowQuery<ConversationRecord>.From(db)
            .Where(nameof(ConversationRecord.Channel), channel).Where(nameof(ConversationRecord.ChatId), chatId).Kept().FirstOrDefaultAsync(ct);

    /// <summary>
    /// Read inside the single-writer gate by the reach and profile writers on most turns. Tracked (attached unchanged),
    /// as the LINQ query tracked it: the profile writer changes it and the turn's SaveChanges writes what changed.
    /// </summary>
    public static async Task<ResidentProfileRecord?> ProfileByConversationAsync(InfoBotDbContext db, long conversationId, CancellationToken ct)
    {
        var profile = await RowQuery<ResidentProfileRecord>.From(db)
            .Where(nameof(ResidentProfileRecord.ConversationId), conversationId).Kept().FirstOrDefaultAsync(ct);
        if (profile is not null)
        {
            db.ResidentProfiles.Attach(profile);
        }

        return profile;
    }
}
