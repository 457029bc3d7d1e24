using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Storage.Residents;

namespace HaiHau.InfoBot.Storage.Reach;

/// <summary>
/// Appends a reach row for each piece of information content a turn delivered, in the turn's transaction. The
/// resident's commune, household and declared category go on the row only when they consented to statistics.
/// </summary>
public sealed class ReachWriter(IContentStore content) : ITurnOutputWriter
{
    /// <summary>
    /// Turn event kinds that mean information content reached the resident, and the reach kind each counts as.
    /// Features that deliver content (the free-text answerer, the screener) add their event kind here.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> CountedEvents = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [EventKinds.ArticleViewed] = ReachKinds.Article,
        ["faq_answered"] = ReachKinds.Answer,
        ["llm_answered"] = ReachKinds.Answer,
        ["screener_result_shown"] = ReachKinds.ScreenerResult,
    };

    public async Task WriteAsync(TurnOutput turn, CancellationToken ct)
    {
        var delivered = turn.Result.Events.Where(e => CountedEvents.ContainsKey(e.Kind)).ToList();
        if (delivered.Count == 0)
        {
            return;
        }

        var profile = await ResidentProfileWriter.FindAsync(turn.Db, turn.Conversation, ct);
        var counted = profile is { ConsentStatistics: true } ? profile : null;
        foreach (var e in delivered)
        {
            turn.Db.ReachLog.Add(new ReachRecord
            {
                At = turn.Now,
                Day = ReachDay.Of(turn.Now),
                Channel = turn.Conversation.Channel,
                Conversation = turn.Conversation,
                Kind = CountedEvents[e.Kind],
                Subject = e.Subject,
                Topic = e.Subject is null ? null : content.FindArticle(e.Subject)?.Topic,
                CommuneCode = counted?.CommuneCode,
                HouseholdId = counted?.HouseholdId,
                DeclaredCategory = counted?.DeclaredCategory,
            });
        }
    }
}
