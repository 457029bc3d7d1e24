using System.Linq.Expressions;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// A reply as a pull channel (web chat, terminal) hands it out: its outbox id orders and dedupes it. In history,
/// the first reply of each turn carries <paramref name="Said"/>: what the resident wrote, or the label they pressed.
/// </summary>
public sealed record DeliveredReply(long Id, string Text, IReadOnlyList<QuickReply> Choices, string? Said = null);

/// <summary>
/// Delivery for channels that pull their replies (web chat, terminal chat): reading a reply marks it sent.
/// Push channels (Telegram, Zalo) have their own outbox sender.
/// </summary>
public sealed class OutboxReader(IDbContextFactory<InfoBotDbContext> factory, SqliteWriteGate writes, TimeProvider time)
{
    /// <summary>Every reply after <paramref name="afterId"/>, each turn's first one with what the resident said.</summary>
    /// <remarks>
    /// The chat's replies are found through its conversation, by the outbox's (conversation, id) index: every reply of a
    /// chat belongs to the chat's conversation, and an index by chat as well was one more B-tree page for every reply to
    /// write (issue 15). The chat's own columns are still compared, so the rows are exactly the chat's.
    /// </remarks>
    public async Task<IReadOnlyList<DeliveredReply>> TakeAfterAsync(string channel, string chatId, long afterId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var conversations = await OfChat(db, channel, chatId).Take(1).ValuesAsync<long>(nameof(ConversationRecord.Id), ct);
        if (conversations.Count == 0)
        {
            return [];
        }

        var id = conversations[0];

        var chat = db.Outbox.Where(o => o.ConversationId == id && o.Channel == channel && o.ChatId == chatId);
        var replies = await TakeAsync(db, writes, o => o.ConversationId == id && o.Channel == channel && o.ChatId == chatId && o.Id > afterId, time.GetUtcNow(), ct);
        var turns = await chat.Where(o => o.Id > afterId && o.Sequence == 0)
            .Select(o => new { o.Id, o.Inbox!.Text, o.Inbox.Payload }).ToListAsync(ct);
        // The buttons pressed first may sit on the last reply before the cursor, which the page already has.
        var before = await chat.Where(o => o.Id <= afterId && o.ChoicesJson != "[]")
            .OrderByDescending(o => o.Id).Take(1)
            .Select(o => new DeliveredReply(o.Id, string.Empty, StateSerializer.DeserializeChoices(o.ChoicesJson), null)).ToListAsync(ct);
        var known = before.Concat(replies).ToList();
        var said = turns.ToDictionary(t => t.Id, t => t.Text ?? LabelOf(t.Payload, known.Where(r => r.Id < t.Id)));
        return replies.Select(r => said.TryGetValue(r.Id, out var s) ? r with { Said = s } : r).ToList();
    }

    // A pressed button is stored as its id; the resident saw its label on an earlier reply.
    private static string? LabelOf(string? payload, IEnumerable<DeliveredReply> earlier) =>
        payload is null ? null : earlier.Reverse().SelectMany(r => r.Choices).FirstOrDefault(c => c.Id == payload)?.Label;

    public async Task<bool> ConversationExistsAsync(string channel, string chatId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await OfChat(db, channel, chatId).AnyAsync(ct);
    }

    // Plain reads (RowQuery): a web chat's every request asks these first, and the warm-up runs them at start (issue 15).
    private static RowQuery<ConversationRecord> OfChat(InfoBotDbContext db, string channel, string chatId) =>
        RowQuery<ConversationRecord>.From(db).Where(nameof(ConversationRecord.Channel), channel).Where(nameof(ConversationRecord.ChatId), chatId);

    /// <summary>The matching replies in order; pending ones become sent (a write only when there are any).</summary>
    internal static async Task<IReadOnlyList<DeliveredReply>> TakeAsync(
        InfoBotDbContext db, SqliteWriteGate writes, Expression<Func<OutboxRecord, bool>> which, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Outbox.Where(which).OrderBy(o => o.Id).ToListAsync(ct);
        var pending = rows.Where(r => r.Status == OutboxStatus.Pending).ToList();
        foreach (var row in pending)
        {
            row.Status = OutboxStatus.Sent;
            row.SentAt = now;
            row.Attempts++;
            await OutboxDispatcher.CountReachAsync(db, row, now, ct); // an announcement read in the web chat is reach too
        }

        if (pending.Count > 0)
        {
            await writes.WriteAsync(() => db.SaveChangesAsync(ct), ct);
        }

        return rows.Select(r => new DeliveredReply(r.Id, r.Text, StateSerializer.DeserializeChoices(r.ChoicesJson))).ToList();
    }
}
