using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage.Operations;

/// <summary>What one retention run changed: conversations whose texts were blanked, messages blanked, unanswered questions that lost their words.</summary>
public sealed record RetentionOutcome(int Conversations, int Messages, int Unanswered);

/// <summary>
/// Keeps personal words no longer than their purpose (issue 19). The texts of a conversation idle longer than the
/// message period are blanked the way <see cref="ConversationEraser"/> blanks them (inbound text, payloads, shared
/// phone; the replies already sent; the conversation's state), but the rows, their times and the anonymous turn events stay, so statistics and
/// the reach log do not change. Replies still pending keep their text: they must still go out. The words of
/// question_unanswered and question_model_answered events (both kept for staff to review) are dropped after the
/// (shorter) staff-loop period, and counted together as «unanswered». Running it twice changes nothing.
/// </summary>
public static class RetentionPurge
{
    public const string Actor = "system:retention";

    public static Task<RetentionOutcome> RunAsync(InfoBotDbContext db, DateTimeOffset now, int messageTextDays, int unansweredTextDays, CancellationToken ct) =>
        ResilientTransaction.ExecuteAsync(db, () => PurgeAsync(db, now, messageTextDays, unansweredTextDays, ct), ct);

    private static async Task<RetentionOutcome> PurgeAsync(InfoBotDbContext db, DateTimeOffset now, int messageTextDays, int unansweredTextDays, CancellationToken ct)
    {
        var idleBefore = now.AddDays(-messageTextDays);

        var idle = await db.Conversations.Where(c => c.UpdatedAt < idleBefore)
            .Where(c => db.Inbox.Any(i => i.Channel == c.Channel && i.ChatId == c.ChatId
                    && (i.Text != null || i.Payload != null || i.StartPayload != null || i.ContactPhone != null))
                || db.Outbox.Any(o => o.ConversationId == c.Id && o.Status != OutboxStatus.Pending && o.Text != ""))
            .Select(c => new { c.Id, c.Channel, c.ChatId }).ToListAsync(ct);

        var messages = 0;
        foreach (var c in idle)
        {
            messages += await db.Inbox.Where(i => i.Channel == c.Channel && i.ChatId == c.ChatId
                    && (i.Text != null || i.Payload != null || i.StartPayload != null || i.ContactPhone != null))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(i => i.Text, (string?)null)
                    .SetProperty(i => i.Payload, (string?)null)
                    .SetProperty(i => i.StartPayload, (string?)null)
                    .SetProperty(i => i.ContactPhone, (string?)null), ct);
            messages += await db.Outbox.Where(o => o.ConversationId == c.Id && o.Status != OutboxStatus.Pending && o.Text != "")
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Text, "").SetProperty(o => o.ChoicesJson, "[]"), ct);

            // The state goes too: a dialog's answers, the commune, an offer's household numbers (the resident starts
            // again anyway after the engine's idle timeout, hours, not months).
            await db.Conversations.Where(x => x.Id == c.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.StateJson, "{}"), ct);
        }

        var unansweredBefore = now.AddDays(-unansweredTextDays);
        var (unanswered, modelAnswered) = (EventKinds.QuestionUnanswered.Name, EventKinds.QuestionModelAnswered.Name);
        var dropped = await db.TurnEvents.Where(e => (e.Kind == unanswered || e.Kind == modelAnswered) && e.Subject != null && e.At < unansweredBefore)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Subject, (string?)null), ct);

        var outcome = new RetentionOutcome(idle.Count, messages, dropped);
        AuditLog.Add(db, new AuditEntry(Actor, "Hệ thống", AuditActions.RetentionApplied, Details: Details(outcome)), now);
        await db.SaveChangesAsync(ct);
        return outcome;
    }

    /// <summary>The audit note, read back by the console's retention section: "conversations=2 messages=9 unanswered=1".</summary>
    public static string Details(RetentionOutcome o) => $"conversations={o.Conversations} messages={o.Messages} unanswered={o.Unanswered}";

    public static RetentionOutcome? ParseDetails(string? details)
    {
        var parts = (details ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=')).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => int.TryParse(p[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1);
        return parts.TryGetValue("conversations", out var c) && parts.TryGetValue("messages", out var m) && parts.TryGetValue("unanswered", out var u) && c >= 0 && m >= 0 && u >= 0
            ? new RetentionOutcome(c, m, u) : null;
    }

    /// <summary>The newest runs, newest first, for the console.</summary>
    public static async Task<IReadOnlyList<(DateTimeOffset At, RetentionOutcome Outcome)>> LastRunsAsync(InfoBotDbContext db, int count, CancellationToken ct)
    {
        var rows = await db.AuditLog.AsNoTracking().Where(a => a.Action == AuditActions.RetentionApplied)
            .OrderByDescending(a => a.Id).Take(count).Select(a => new { a.At, a.Details }).ToListAsync(ct);
        return rows.Select(r => (r.At, ParseDetails(r.Details))).Where(r => r.Item2 is not null).Select(r => (r.At, r.Item2!)).ToList();
    }
}
