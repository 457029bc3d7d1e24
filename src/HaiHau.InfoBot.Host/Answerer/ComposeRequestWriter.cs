using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Screening;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.Answerer;

/// <summary>
/// Where the engine's turn asks for a composed answer, without waiting for it. A question typed as free text and
/// answered with an entry's own answer (events <see cref="EventKinds.QuestionUnderstood"/> then
/// <see cref="EventKinds.QuestionAnswered"/> "faq:…") gets its retrieval reply held in the outbox for
/// InfoBot:Answerer:Timeout and a <see cref="ComposeJob"/>; the turn goes on and the conversation lock is released.
/// The held reply is the fallback: if nothing better comes in time the sender sends it as it is.
/// Push channels only (<see cref="Channels"/>): the web chat hands its replies back in the same request, so it keeps retrieval.
/// </summary>
public sealed class ComposeRequestWriter(
    IQuestionUnderstanding understanding, ComposeJobs queue, AnswererState state, IOptions<AnswererOptions> options) : ITurnOutputWriter
{
    /// <summary>The channels whose typed questions may go to the model; their greeting says so (AnswererSetup.AssistedChannels).</summary>
    public static readonly IReadOnlySet<string> Channels = new HashSet<string>(StringComparer.Ordinal) { TelegramMapping.Channel, ZaloWebhookReader.Channel };

    public Task WriteAsync(TurnOutput turn, CancellationToken ct)
    {
        if (!Channels.Contains(turn.Inbox.Channel) || turn.Inbox.Text is not { Length: > 0 } question || AnsweredEntry(turn.Result.Events) is not { } faqId
            || understanding.FindFaq(faqId) is not { Answer.Length: > 0 } faq)
        {
            return Task.CompletedTask;
        }

        var sequence = turn.Result.Replies.ToList().FindIndex(r => r.Text.StartsWith(faq.Question + "\n\n", StringComparison.Ordinal));
        var reply = turn.Db.ChangeTracker.Entries<OutboxRecord>().Select(e => e.Entity)
            .FirstOrDefault(o => o.Inbox == turn.Inbox && o.Sequence == sequence && o.Status == OutboxStatus.Pending);
        if (reply is null || !state.TryTakeCall(options.Value.MaxPerMinute))
        {
            return Task.CompletedTask;
        }

        var heldUntil = turn.Now + options.Value.Timeout;
        if (queue.TryEnqueue(new ComposeJob(turn.Inbox.Channel, turn.Inbox.ExternalId, sequence, question, faq.Id, PovertyRuleSets.LocalDay(turn.Now), heldUntil)))
        {
            reply.NextAttemptAt = heldUntil;
        }

        return Task.CompletedTask;
    }

    /// <summary>The entry that answered a typed question in this turn; null for a button, an article, a dialog.</summary>
    public static string? AnsweredEntry(IReadOnlyList<TurnEvent> events)
    {
        if (events.Any(e => e.Kind == EventKinds.ArticleViewed))
        {
            return null; // a whole article was shown: nothing short to compose
        }

        var understood = false;
        foreach (var e in events)
        {
            understood |= e.Kind == EventKinds.QuestionUnderstood;
            if (understood && e.Kind == EventKinds.QuestionAnswered && AnswerRef.Parse(e.Subject) is { Kind: AnswerRef.Faq } faq)
            {
                return faq.Id;
            }
        }

        return null;
    }
}
