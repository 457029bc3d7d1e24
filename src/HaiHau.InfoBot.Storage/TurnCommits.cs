using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// Group commit of turns on SQLite (issue 15). The single writer was held 79–87 % of a closed loop's time and a COMMIT
/// was over half of each hold, so the loop ran one commit per turn. Here turns that arrive while a batch is being
/// written wait in a queue; the next batch takes all of them: one transaction on one connection, a savepoint per turn
/// (a turn that fails is rolled back to it and fails alone, the others are kept), one COMMIT, then each turn is
/// completed. Nothing lingers for company: a turn that finds the writer idle writes at once, alone, as before, and the
/// next batch gathers while one is written. A turn is completed (and so acknowledged) only after its COMMIT; a failing
/// COMMIT fails every turn of its batch. Order within a conversation is kept by the caller's conversation lock, held
/// until its turn is completed. PostgreSQL (many writers, row locks) does not use this: each turn commits on its own.
/// </summary>
internal sealed class TurnCommits(SqliteWriteGate writes)
{
    // Bounds how long one batch holds the gate from the other writers (the sender, officers, the inbox).
    private const int MaxBatch = 64;

    private readonly object _lock = new();
    private List<Pending> _waiting = [];
    private bool _writing;

    /// <summary>Turns queued and not yet taken into a batch.</summary>
    internal int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>
    /// Writes a turn with whatever others are waiting and returns once its transaction committed. <paramref name="own"/> is
    /// the turn's context; a batch runs on its first turn's context (idle meanwhile, its turn waiting here), so its
    /// <paramref name="write"/> must use the context it is given, never its own. Not cut short by a token once queued: the
    /// turn may commit with its batch, and its caller must not think otherwise.
    /// </summary>
    public Task<int> CommitAsync(InfoBotDbContext own, Func<InfoBotDbContext, Task<int>> write)
    {
        var turn = new Pending(own, write);
        bool lead;
        lock (_lock)
        {
            _waiting.Add(turn);
            lead = !_writing;
            _writing = true;
        }

        return lead ? LeadAsync(turn) : turn.Done.Task;
    }

    /// <summary>The turn that found the writer idle writes the first batch itself (a lone turn takes no thread hop).</summary>
    private async Task<int> LeadAsync(Pending own)
    {
        if (await WriteBatchAsync())
        {
            // More gathered meanwhile: the pool writes them, so this turn's caller gets its answer now.
            _ = Task.Run(WriteAllAsync, CancellationToken.None);
        }

        return await own.Done.Task;
    }

    private async Task WriteAllAsync()
    {
        while (await WriteBatchAsync())
        {
        }
    }

    /// <summary>One batch under the gate, then whether more are waiting (if not, the next turn leads).</summary>
    private async Task<bool> WriteBatchAsync()
    {
        try
        {
            await WriteNextBatchAsync();
        }
        catch (Exception ex)
        {
            // The gate itself failed (disposed while the host shuts down): the turns a batch had taken were completed
            // inside it, so what remains queued would wait for a writer that never comes. They fail instead, and the
            // next turn leads again rather than queueing behind nobody.
            List<Pending> stranded;
            lock (_lock)
            {
                (stranded, _waiting, _writing) = (_waiting, [], false);
            }

            stranded.ForEach(t => t.Done.TrySetException(ex));
            return false;
        }

        lock (_lock)
        {
            _writing = _waiting.Count > 0;
            return _writing;
        }
    }

    private Task<int> WriteNextBatchAsync() =>
        writes.WriteAsync(async () =>
        {
            // Taken inside the gate: turns that came while another writer held it join this batch.
            List<Pending> batch;
            lock (_lock)
            {
                batch = _waiting.Count <= MaxBatch ? _waiting : _waiting.GetRange(0, MaxBatch);
                _waiting = batch == _waiting ? [] : _waiting.GetRange(MaxBatch, _waiting.Count - MaxBatch);
            }

            await RunAsync(batch);
            return batch.Count;
        }, CancellationToken.None);

    private static async Task RunAsync(List<Pending> batch)
    {
        var db = batch[0].Own;
        var written = new List<(Pending Turn, int Saved)>(batch.Count);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            if (batch.Count == 1)
            {
                // Alone: no savepoint, a failure fails the transaction, which holds only this turn.
                written.Add((batch[0], await batch[0].Write(db)));
            }
            else
            {
                var connection = (SqliteConnection)db.Database.GetDbConnection();
                foreach (var turn in batch)
                {
                    if (await WriteInSavepointAsync(db, connection, turn) is { } saved)
                    {
                        written.Add((turn, saved));
                    }
                }
            }

            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The COMMIT, or the transaction itself, failed: nothing of the batch is kept, so no turn of it is acknowledged.
            batch.ForEach(t => t.Done.TrySetException(ex));
            return;
        }

        written.ForEach(w => w.Turn.Done.TrySetResult(w.Saved));
    }

    /// <summary>The turn's rows, or, if it throws, none of them: it fails alone and the batch goes on. Null when it failed.</summary>
    private static async Task<int?> WriteInSavepointAsync(InfoBotDbContext db, SqliteConnection connection, Pending turn)
    {
        SqliteStatements.Run(connection, "SAVEPOINT turn", []);
        try
        {
            var saved = await turn.Write(db);
            SqliteStatements.Run(connection, "RELEASE turn", []);
            return saved;
        }
        catch (Exception ex)
        {
            turn.Done.TrySetException(ex);
            try
            {
                SqliteStatements.Run(connection, "ROLLBACK TO turn", []);
                SqliteStatements.Run(connection, "RELEASE turn", []);
            }
            catch (SqliteException)
            {
                // SQLite already rolled the whole transaction back (a full disk, an I/O error) and the savepoint went with
                // it: the batch fails whole, the others with this turn's cause.
                ExceptionDispatchInfo.Throw(ex);
            }

            return null;
        }
        finally
        {
            // What this turn's writers tracked (a profile, a tally) is saved or dropped; the next turn starts clean.
            db.ChangeTracker.Clear();
        }
    }

    private sealed record Pending(InfoBotDbContext Own, Func<InfoBotDbContext, Task<int>> Write)
    {
        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
