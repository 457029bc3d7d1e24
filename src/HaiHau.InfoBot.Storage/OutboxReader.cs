using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage;

/// <summary>A reply as a pull channel (web chat, terminal) hands it out: its outbox id orders and dedupes it.</summary>
public sealed record DeliveredReply(long Id, string Text, IReadOnlyList<QuickReply> Choices);

/// <summary>
/// Delivery for channels that pull their replies (web chat, terminal chat): reading the replies marks them sent.
/// Push channels (Telegram, Zalo) have their own outbox sender.
/// </summary>
public sealed class OutboxReader(IDbContextFactory<InfoBotDbContext> factory, TimeProvider time)
{
    public async Task<IReadOnlyList<DeliveredReply>> TakeForTurnAsync(long inboxId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Outbox.Where(o => o.InboxId == inboxId).OrderBy(o => o.Sequence).ToListAsync(ct);
        return await MarkSentAsync(db, rows, ct);
    }

    public async Task<IReadOnlyList<DeliveredReply>> TakeAfterAsync(string channel, string chatId, long afterId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Outbox.Where(o => o.Channel == channel && o.ChatId == chatId && o.Id > afterId).OrderBy(o => o.Id).ToListAsync(ct);
        return await MarkSentAsync(db, rows, ct);
    }

    public async Task<bool> ConversationExistsAsync(string channel, string chatId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Conversations.AnyAsync(c => c.Channel == channel && c.ChatId == chatId, ct);
    }

    private async Task<IReadOnlyList<DeliveredReply>> MarkSentAsync(InfoBotDbContext db, List<OutboxRecord> rows, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var changed = false;
        foreach (var row in rows.Where(r => r.Status == OutboxStatus.Pending))
        {
            row.Status = OutboxStatus.Sent;
            row.SentAt = now;
            row.Attempts++;
            changed = true;
        }

        if (changed)
        {
            await db.SaveChangesAsync(ct);
        }

        return rows.Select(r => new DeliveredReply(r.Id, r.Text, StateSerializer.DeserializeChoices(r.ChoicesJson))).ToList();
    }
}
