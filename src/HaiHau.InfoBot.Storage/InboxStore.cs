using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage;

/// <summary>Persists inbound messages before they are acknowledged, deduplicated on (channel, external id).</summary>
public sealed class InboxStore(IDbContextFactory<InfoBotDbContext> factory, SqliteWriteGate writes)
{
    /// <summary>Stores the message; a second delivery of the same message returns the first one's id.</summary>
    public async Task<(long Id, bool Duplicate)> AddAsync(InboundMessage message, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct); // one open for the look-up and the insert
        if (await FindAsync(db, message, ct) is { } existing)
        {
            return (existing, true);
        }

        var record = TurnProcessor.NewInboxRecord(message);
        db.Inbox.Add(record);
        try
        {
            await writes.WriteAsync(() => db.SaveChangesAsync(ct), ct);
            return (record.Id, false);
        }
        catch (DbUpdateException)
        {
            // Two deliveries raced: the other one won the unique index.
            await using var again = await factory.CreateDbContextAsync(ct);
            return (await FindAsync(again, message, ct) ?? throw new InvalidOperationException("inbox insert failed"), true);
        }
    }

    /// <summary>Messages stored but not yet processed (a crash or restart left them), oldest first.</summary>
    public async Task<IReadOnlyList<long>> PendingAsync(int take, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Inbox.Where(i => i.Status == InboxStatus.Pending).OrderBy(i => i.Id).Select(i => i.Id).Take(take).ToListAsync(ct);
    }

    // The turns' compiled look-up: every webhook call runs it, and EF would otherwise rebuild the query each time.
    private static async Task<long?> FindAsync(InfoBotDbContext db, InboundMessage message, CancellationToken ct) =>
        (await TurnQueries.For(db).InboxByExternalId(db, message.From.Channel, message.ExternalId, ct))?.Id;
}
