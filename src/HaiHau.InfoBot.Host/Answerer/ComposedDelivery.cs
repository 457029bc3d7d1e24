using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Answerer;

/// <summary>
/// Settles a held reply once its composition is done: a composed answer takes the reply's place (same row, same
/// buttons, so order and idempotence stay the outbox's), anything else releases the retrieval answer now. Only a
/// reply still held is touched: one already sent, leased by a sender, or past its hold is left as it is.
/// </summary>
public sealed class ComposedDelivery(IDbContextFactory<InfoBotDbContext> factory, SqliteWriteGate writes, TimeProvider time)
{
    /// <summary>Longest event subject: enough for staff to see what was not grounded.</summary>
    private const int SubjectLength = 200;

    /// <summary>True when the composed answer replaced the retrieval answer.</summary>
    public async Task<bool> SettleAsync(ComposeJob job, Composition result, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Inside the write gate: on SQLite the turn that queued the job holds it until its transaction commits.
        return await writes.WriteAsync(async () =>
        {
            var row = await db.Outbox.Where(o => o.Channel == job.Channel && o.Inbox!.ExternalId == job.ExternalId && o.Sequence == job.Sequence)
                .Select(o => new { o.Id, o.ConversationId, o.InboxId }).FirstOrDefaultAsync(ct);
            if (row is null)
            {
                return false;
            }

            var now = time.GetUtcNow();
            var held = db.Outbox.Where(o => o.Id == row.Id && o.Status == OutboxStatus.Pending && o.Attempts == 0 && o.LeaseUntil == null && o.NextAttemptAt == job.HeldUntil);
            return await ResilientTransaction.ExecuteAsync(db, async () =>
            {
                var composed = result is { Status: CompositionStatus.Composed, Text: { } text }
                    && await held.ExecuteUpdateAsync(s => s.SetProperty(o => o.Text, text).SetProperty(o => o.NextAttemptAt, now), ct) > 0;
                if (!composed)
                {
                    await held.ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, now), ct);
                }

                (EventKind Kind, string Subject)? logged = composed
                    ? (EventKinds.AnswerComposed, new AnswerRef(AnswerRef.Faq, job.FaqId).Payload)
                    : result.Status == CompositionStatus.Rejected ? (EventKinds.AnswerRejected, Subject(result.Problems)) : null;
                if (logged is { } e)
                {
                    db.TurnEvents.Add(new TurnEventRecord { ConversationId = row.ConversationId, InboxId = row.InboxId, Channel = job.Channel, Kind = e.Kind.Name, Subject = e.Subject, At = now });
                    await db.SaveChangesAsync(ct);
                }

                return composed;
            }, ct);
        }, ct);
    }

    private static string Subject(IReadOnlyList<string> problems)
    {
        var subject = string.Join(", ", problems);
        return subject.Length > SubjectLength ? subject[..SubjectLength] : subject;
    }
}
