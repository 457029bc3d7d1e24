using System.Linq.Expressions;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage;

/// <summary>A reply as a pull channel (web chat, terminal) hands it out: its outbox id orders and dedupes it.</summary>
public sealed record DeliveredReply(long Id, string Text, IReadOnlyList<QuickReply> Choices);

/// <summary>
/// Delivery for channels that pull their replies (web chat, terminal chat): reading a reply marks it sent.
/// Push channels (Telegram, Zalo) have their own outbox sender.
/// </summary>
public sealed class OutboxReader(IDbContextFactory<InfoBotDbContext> factory, SqliteWriteGate writes, TimeProvider time)
{
    public async Task<IReadOnlyList<DeliveredReply>> TakeForTurnAsync(long inboxId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await TakeAsync(db, writes, o => o.InboxId == inboxId, time.GetUtcNow(), ct);
    }

    public async Task<IReadOnlyList<DeliveredReply>> TakeAfterAsync(string channel, string chatId, long afterId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await TakeAsync(db, writes, o => o.Channel == channel && o.ChatId == chatId && o.Id > afterId, time.GetUtcNow(), ct);
    }

    public async Task<bool> ConversationExistsAsync(string channel, string chatId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Conversations.AnyAsync(c => c.Channel == channel && c.ChatId == chatId, ct);
    }

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
        }

        if (pending.Count > 0)
        {
            await writes.WriteAsync(() => db.SaveChangesAsync(ct), ct);
        }

        return rows.Select(r => new DeliveredReply(r.Id, r.Text, StateSerializer.DeserializeChoices(r.ChoicesJson))).ToList();
    }
}
