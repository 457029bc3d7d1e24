using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Core.Understanding.Evaluation;

/// <summary>Both messages of a conversation judged: the first alone, the second in the conversation the first left.</summary>
public sealed record FollowUpOutcome(FollowUpRow Row, AnswerOutcome First, AnswerOutcome Then);

/// <summary>
/// Runs each conversation of a follow-up file through the real engine: the first message in a fresh conversation, the
/// second in the state the first left (as a resident's next message), each judged from its turn's events as
/// <see cref="AnswerEvaluator"/> judges one question.
/// </summary>
public static class FollowUpEvaluator
{
    public static IReadOnlyList<FollowUpOutcome> Run(IDialogEngine engine, IReadOnlyList<FollowUpRow> rows, TimeProvider time)
    {
        var outcomes = new List<FollowUpOutcome>(rows.Count);
        foreach (var row in rows)
        {
            var from = new ConversationRef("eval", row.Id, row.Id);
            var first = engine.RunTurn(new ConversationState(), new InboundMessage(from, row.Id + "-1", time.GetUtcNow(), row.First, null, false, null));
            var then = engine.RunTurn(first.State, new InboundMessage(from, row.Id + "-2", time.GetUtcNow(), row.Then, null, false, null));
            outcomes.Add(new FollowUpOutcome(row, AnswerEvaluator.Judge(row.FirstRow, first.Events), AnswerEvaluator.Judge(row.ThenRow, then.Events)));
        }

        return outcomes;
    }
}
