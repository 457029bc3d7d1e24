using System.Data.Common;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// Persists inbound messages before they are acknowledged, deduplicated on (channel, external id).
/// Inserts arriving together are committed together (group commit): while one batch is written, the next gathers, so
/// a burst of webhook calls takes a few turns of SQLite's single writer instead of one each, and leaves the writer to
/// the turns. Each caller still returns only once its own row is committed.
/// The unique index on (channel, external id) is the duplicate check: a message already stored is skipped by its INSERT
/// (ON CONFLICT DO NOTHING) and its first id read after the commit. A look-up before every insert cost each webhook call
/// a context, a connection open and a query (issue 15), though platforms redeliver rarely.
/// </summary>
public sealed class InboxStore(IDbContextFactory<InfoBotDbContext> factory, SqliteWriteGate writes)
{
    private readonly object _gate = new();
    private List<PendingInsert> _waiting = [];
    private bool _flushing;

    /// <summary>Stores the message; a second delivery of the same message returns the first one's id.</summary>
    public async Task<(long Id, bool Duplicate)> AddAsync(InboundMessage message, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var pending = new PendingInsert(TurnProcessor.NewInboxRecord(message), message);
        bool flush;
        lock (_gate)
        {
            _waiting.Add(pending);
            flush = !_flushing;
            _flushing = true;
        }

        if (flush)
        {
            _ = Task.Run(FlushAsync, CancellationToken.None);
        }

        // Not cut short by the caller's token: once queued the row may be committed, and the caller must not think otherwise.
        return await pending.Done.Task;
    }

    /// <summary>Writes what has gathered, batch after batch, until nothing is waiting.</summary>
    private async Task FlushAsync()
    {
        while (true)
        {
            List<PendingInsert> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _flushing = false;
                    return;
                }

                batch = _waiting;
                _waiting = [];
            }

            try
            {
                await InsertAllAsync(batch);
            }
            catch (Exception ex) when (ex is DbUpdateException or DbException)
            {
                // Duplicates do not raise (ON CONFLICT DO NOTHING), so this is another fault of the batch: each alone, so
                // one bad row fails only its own call. Any other fault fails them there too.
                foreach (var one in batch)
                {
                    await InsertOneAsync(one);
                }
            }
            catch (Exception ex)
            {
                batch.ForEach(p => p.Done.TrySetException(ex)); // the callers answer an error; the platform delivers again
            }
        }
    }

    /// <summary>
    /// The batch as plain INSERT … ON CONFLICT DO NOTHING RETURNING commands in one transaction, built before the
    /// single-writer gate (as <see cref="TurnWrite"/> does): EF's SaveChanges, its change tracking and batch building
    /// inside the gate, was the larger part of the webhook's own CPU (issue 15, Telegram profile). A row the unique index
    /// skipped (stored before, or twice in this batch) returns no key: its caller gets the stored row's id as a duplicate.
    /// </summary>
    private async Task InsertAllAsync(List<PendingInsert> batch)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var rows = ModelRows.For(db);
        var connection = db.Database.GetDbConnection();
        var inserts = batch.Select(p => rows.InsertOf(connection, [p.Record], returnKey: true, skipDuplicate: true)).ToList();
        try
        {
            await writes.WriteAsync(() => ResilientTransaction.ExecuteAsync(db, async () =>
            {
                foreach (var insert in inserts)
                {
                    await insert.ExecuteAsync(db, CancellationToken.None);
                }

                return inserts.Count;
            }, CancellationToken.None), CancellationToken.None);
        }
        finally
        {
            inserts.ForEach(i => i.Dispose());
        }

        foreach (var pending in batch)
        {
            if (pending.Record.Id > 0)
            {
                pending.Done.TrySetResult((pending.Record.Id, false));
            }
            else
            {
                // Committed by an earlier call (or earlier in this batch): read after this batch's COMMIT, so it is there.
                try
                {
                    pending.Done.TrySetResult((await FindAsync(db, pending.Message, CancellationToken.None) ?? throw new InvalidOperationException("inbox insert skipped, yet no stored row"), true));
                }
                catch (Exception ex)
                {
                    pending.Done.TrySetException(ex); // that caller answers an error and the platform delivers again; the batch stands
                }
            }
        }
    }

    private async Task InsertOneAsync(PendingInsert pending)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync();
            var record = TurnProcessor.NewInboxRecord(pending.Message); // the failed batch's record may carry its state
            db.Inbox.Add(record);
            try
            {
                await writes.WriteAsync(() => db.SaveChangesAsync(), CancellationToken.None);
                pending.Done.TrySetResult((record.Id, false));
            }
            catch (DbUpdateException)
            {
                // Two deliveries raced: the other one won the unique index.
                await using var again = await factory.CreateDbContextAsync();
                pending.Done.TrySetResult((await FindAsync(again, pending.Message, CancellationToken.None) ?? throw new InvalidOperationException("inbox insert failed"), true));
            }
        }
        catch (Exception ex)
        {
            pending.Done.TrySetException(ex);
        }
    }

    private sealed record PendingInsert(InboxRecord Record, InboundMessage Message)
    {
        public TaskCompletionSource<(long Id, bool Duplicate)> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// Counts a turn that failed outside the engine (its transaction rolled back, so nothing of it was kept) on the
    /// message, and gives the message up (failed, with the error, no longer retried) at <see cref="TurnProcessor.MaxAttempts"/>.
    /// True when it was given up now.
    /// </summary>
    public async Task<bool> CountFailedTurnAsync(long id, string error, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await writes.WriteAsync(() => db.Inbox.Where(i => i.Id == id && i.Status == InboxStatus.Pending).ExecuteUpdateAsync(u => u
            .SetProperty(i => i.Attempts, i => i.Attempts + 1)
            .SetProperty(i => i.Error, error)
            .SetProperty(i => i.Status, i => i.Attempts + 1 >= TurnProcessor.MaxAttempts ? InboxStatus.Failed : InboxStatus.Pending), ct), ct);
        return await db.Inbox.Where(i => i.Id == id).Select(i => i.Status).FirstAsync(ct) == InboxStatus.Failed;
    }

    /// <summary>Messages stored but not yet processed (a crash or restart left them), oldest first.</summary>
    public async Task<IReadOnlyList<long>> PendingAsync(int take, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Plain read (RowQuery): the retry loop runs this every half minute, and a LINQ query loaded EF's query pipeline for it.
        return await RowQuery<InboxRecord>.From(db).Where(nameof(InboxRecord.Status), InboxStatus.Pending)
            .OrderBy(nameof(InboxRecord.Id)).Take(take).ValuesAsync<long>(nameof(InboxRecord.Id), ct);
    }

    // The turns' compiled look-up: every webhook call runs it, and EF would otherwise rebuild the query each time.
    private static async Task<long?> FindAsync(InfoBotDbContext db, InboundMessage message, CancellationToken ct) =>
        (await TurnQueries.InboxByExternalIdAsync(db, message.From.Channel, message.ExternalId, ct))?.Id;
}
