using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Dialogs.Nodes;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Storage.Reach;

/// <summary>One piece of information content a turn delivered: what the reach log counts.</summary>
public readonly record struct ReachDelivery(string Kind, string? Subject, string? Topic);

/// <summary>
/// Which of a turn's events mean information content reached the resident, and as what. Shared by the turn writer
/// (<see cref="ReachWriter"/>) and the rebuild from stored events (<see cref="ReachRebuild"/>), so both count alike.
/// </summary>
public sealed class ReachCounting(IContentStore content, DialogCatalog dialogs, IQuestionUnderstanding? understanding)
{
    /// <summary>
    /// The event kinds that can count, and the reach kind each counts as. A feature that delivers content adds its kind
    /// here; a test fails when a kind listed here is emitted by no transcript.
    /// </summary>
    public static readonly IReadOnlyDictionary<EventKind, string> CountedEvents = new Dictionary<EventKind, string>
    {
        [EventKinds.ArticleViewed] = ReachKinds.Article,
        [EventKinds.QuestionAnswered] = ReachKinds.Answer,
        [EventKinds.ScreeningCompleted] = ReachKinds.ScreenerResult,
    };

    // The screener's results belong to the topic of the dialog that runs it (eligibility), so breakdowns never show an empty topic.
    private readonly string? _screenerTopic = dialogs.All.Where(d => d.Nodes.Values.OfType<ScreenNode>().Any())
        .Select(d => d.Topic).Distinct().SingleOrDefault();

    public IEnumerable<ReachDelivery> Deliveries(IReadOnlyList<TurnEvent> events)
    {
        var articleShown = events.Any(e => e.Kind == EventKinds.ArticleViewed);
        foreach (var e in events)
        {
            if (e.Kind == EventKinds.ArticleViewed && e.Subject is { } id)
            {
                yield return new ReachDelivery(ReachKinds.Article, id, content.FindArticle(id)?.Topic);
            }
            else if (e.Kind == EventKinds.QuestionAnswered && AnswerRef.Parse(e.Subject) is { Kind: AnswerRef.Faq } faq && !articleShown)
            {
                // An answer shown as a whole article already counts as the article; "article:…" likewise; a "topic:…"
                // answer starts a dialog whose own content counts when shown.
                yield return new ReachDelivery(ReachKinds.Answer, e.Subject, understanding?.FindFaq(faq.Id)?.Topic);
            }
            else if (e.Kind == EventKinds.ScreeningCompleted)
            {
                yield return new ReachDelivery(ReachKinds.ScreenerResult, null, _screenerTopic);
            }
        }
    }
}
