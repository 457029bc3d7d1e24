using HaiHau.InfoBot.Storage.Residents;

namespace HaiHau.InfoBot.Storage.Reach;

/// <summary>
/// Appends a reach row for each piece of information content a turn delivered (<see cref="ReachCounting"/>), in the
/// turn's transaction. The resident's commune, household and declared category go on the row only when they consented
/// to statistics. Appended (a plain INSERT with the turn's replies), not tracked: a row no one reads back in the turn.
/// </summary>
public sealed class ReachWriter(ReachCounting counting) : ITurnOutputWriter
{
    public async Task WriteAsync(TurnOutput turn, CancellationToken ct)
    {
        var delivered = counting.Deliveries(turn.Result.Events).ToList();
        if (delivered.Count == 0)
        {
            return;
        }

        var profile = await ResidentProfileWriter.FindAsync(turn.Db, turn.Conversation, ct);
        var counted = profile is { ConsentStatistics: true } ? profile : null;
        foreach (var d in delivered)
        {
            turn.Append(new ReachRecord
            {
                At = turn.Now,
                Day = ReachDay.Of(turn.Now),
                Channel = turn.Conversation.Channel,
                ConversationId = turn.Conversation.Id,
                Kind = d.Kind,
                Subject = d.Subject,
                Topic = d.Topic,
                CommuneCode = counted?.CommuneCode,
                HouseholdId = counted?.HouseholdId,
                DeclaredCategory = counted?.DeclaredCategory,
            });
        }
    }
}
