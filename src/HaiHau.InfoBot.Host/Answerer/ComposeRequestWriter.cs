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
        if (!Channels.Contains(turn.Inbox.Channel) || turn.Inbox.Text is not { Length: > 0 } question || ModelNotice.AnsweredEntry(turn.Result.Events) is not { } faqId
            || understanding.FindFaq(faqId) is not { Answer.Length: > 0 } faq || !ToldBeforeThisTurn(turn))
        {
            return Task.CompletedTask;
        }

        var sequence = turn.Result.Replies.ToList().FindIndex(r => r.Text.StartsWith(faq.Question + "\n\n", StringComparison.Ordinal));
        var reply = turn.Outbox.FirstOrDefault(o => o.Sequence == sequence && o.Status == OutboxStatus.Pending);
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

    /// <summary>
    /// Whether the greeting had told this resident, in an earlier turn, that typed questions may go to a language model
    /// (Luật 91/2025/QH15: say what goes where before it goes). Read from the conversation's state as it was before this
    /// turn (<see cref="TurnOutput.StateBefore"/>), so a first message that is already a question, greeted and answered in
    /// the same turn, keeps its retrieval answer.
    /// </summary>
    private static bool ToldBeforeThisTurn(TurnOutput turn) =>
        turn.StateBefore is { Length: > 0 } before
        && StateSerializer.Deserialize(before).Vars.ContainsKey(Core.Messaging.ModelAssistedChannels.NoticeShownVariable);
}
