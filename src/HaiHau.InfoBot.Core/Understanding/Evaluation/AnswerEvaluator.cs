using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Core.Understanding.Evaluation;

/// <summary>
/// Runs each row's question through the real engine in a fresh conversation (as a resident's first message) and reads
/// what the bot did from the turn's events: answers given (<see cref="EventKinds.QuestionAnswered"/>), a question back
/// (<see cref="EventKinds.QuestionAmbiguous"/>), an honest "I don't know" (<see cref="EventKinds.QuestionUnanswered"/>,
/// with the place it named). Reading the events, not the reply text, keeps the judgement independent of wording.
/// </summary>
public static class AnswerEvaluator
{
    /// <summary>The event data key naming where an unanswered question was sent (a referral body id).</summary>
    public const string ReferData = "refer";

    public static IReadOnlyList<AnswerOutcome> Run(IDialogEngine engine, IReadOnlyList<AnswerSetRow> rows, TimeProvider time)
    {
        var outcomes = new List<AnswerOutcome>(rows.Count);
        foreach (var row in rows)
        {
            var from = new ConversationRef("eval", row.Id, row.Id);
            var message = new InboundMessage(from, row.Id, time.GetUtcNow(), row.Question, null, false, null);
            var result = engine.RunTurn(new ConversationState(), message);
            outcomes.Add(Judge(row, result.Events));
        }

        return outcomes;
    }

    public static AnswerOutcome Judge(AnswerSetRow row, IReadOnlyList<TurnEvent> events)
    {
        var given = new List<string>();
        var offered = new List<string>();
        var suggested = new List<string>();
        var asked = false;
        foreach (var e in events)
        {
            if (e.Kind == EventKinds.QuestionAnswered && e.Subject is { Length: > 0 } subject && !given.Contains(subject))
            {
                given.Add(subject);
            }
            else if (e.Kind == EventKinds.QuestionAmbiguous)
            {
                asked = true;
                offered.AddRange((e.Subject ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries));
                suggested.AddRange((e.Data?.GetValueOrDefault(DialogEngine.SuggestedData) ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries));
            }
            else if (e.Kind == EventKinds.QuestionUnanswered)
            {
                if (e.Data?.GetValueOrDefault(ReferData) is { Length: > 0 } body)
                {
                    given.Add($"{AnswerRef.Refer}:{body}");
                }

                suggested.AddRange((e.Data?.GetValueOrDefault(DialogEngine.SuggestedData) ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries));
            }
            else if (e.Kind == EventKinds.HandoffRequested)
            {
                given.Add(new AnswerRef(AnswerRef.Topic, Topics.Handoff).Payload);
            }
            else if (e.Kind == EventKinds.DialogStarted && CommandTopic(e.Subject) is { } command)
            {
                // «hủy nhận tin», «xóa dữ liệu của tôi» typed: the command runs its dialog, with no question answered.
                // They had counted as referrals (5 of the development set's 15 stopping rows).
                given.Add(new AnswerRef(AnswerRef.Topic, command).Payload);
            }
        }

        if (given.Count == 0 && !asked && events.Any(e => e.Kind == EventKinds.QuestionUnderstood && e.Subject == Topics.OptOut))
        {
            // Read as stopping, but not in so many words: the bot asks whether to stop (DialogEngine.StopCheck), a
            // question back with the stop among its buttons.
            asked = true;
            offered.Add(Topics.OptOut);
            suggested.Add(new AnswerRef(AnswerRef.Topic, Topics.OptOut).Payload);
        }

        var accepted = row.Accept.ToHashSet(StringComparer.Ordinal);
        var verdict = given.Any(accepted.Contains) ? AnswerVerdict.Fit
            : asked ? AnswerVerdict.Asked
            : given.All(g => g.StartsWith(AnswerRef.Refer + ":", StringComparison.Ordinal)) ? AnswerVerdict.Referred
            : AnswerVerdict.ConfidentWrong;
        return new AnswerOutcome(row, given, offered, verdict) { Suggested = suggested };
    }

    /// <summary>The topic whose command starts this dialog: stopping the messages, erasing one's data.</summary>
    private static string? CommandTopic(string? dialog) => dialog switch
    {
        DialogCatalog.OptOutDialogId => Topics.OptOut,
        DialogCatalog.EraseDialogId => Topics.EraseData,
        _ => null,
    };
}
