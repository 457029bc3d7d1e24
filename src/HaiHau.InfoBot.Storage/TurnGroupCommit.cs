using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// Group commit for turns on SQLite (issue 15): the turns whose writes arrive while one group is being written are
/// written together, in one transaction on one connection, under one pass of <see cref="SqliteWriteGate"/>. Each turn
/// still saves on its own context (its SaveChanges, its writers, its events); the group only shares the BEGIN, the
/// COMMIT, the gate and the pages SQLite appends to the WAL, which one turn at a time paid in full. Each caller is
/// answered only once the group's COMMIT has returned, so a web turn is still acknowledged only after it is stored,
/// and a crash before the COMMIT leaves none of the group's turns (each is run again: the client retries, or the stored
/// message is still pending). A turn that fails inside the group is rolled back to its savepoint and fails alone; the
/// others commit. PostgreSQL (many writers) does not use this: each turn commits on its own connection.
/// </summary>
internal sealed class TurnGroupCommit(IDbContextFactory<InfoBotDbContext> factory, SqliteWriteGate writes)
{
    /// <summary>Enough to share the commit among all the turns a host runs at once, small enough to bound the wait.</summary>
    private const int MaxTurns = 64;

    private readonly object _lock = new();
    private List<PendingTurn> _waiting = [];
    private bool _flushing;

    /// <summary>
    /// Runs <paramref name="save"/> on <paramref name="context"/> inside the next group's transaction; returns once
    /// that transaction has committed. Not cut short by a cancellation once queued: the caller must learn whether its
    /// turn was committed. The context's own connection is closed and it writes on the group's; it must not be used
    /// for anything else afterwards but reading what it tracks.
    /// </summary>
    public Task<int> WriteAsync(InfoBotDbContext context, Func<Task<int>> save)
    {
        var pending = new PendingTurn(context, save);
        bool flush;
        lock (_lock)
        {
            _waiting.Add(pending);
            flush = !_flushing;
            _flushing = true;
        }

        if (flush)
        {
            _ = Task.Run(FlushAsync, CancellationToken.None);
        }

        return pending.Done.Task;
    }

    /// <summary>Writes what has gathered, group after group, until nothing is waiting.</summary>
    private async Task FlushAsync()
    {
        while (true)
        {
            List<PendingTurn> group;
            lock (_lock)
            {
                if (_waiting.Count == 0)
                {
                    _flushing = false;
                    return;
                }

                if (_waiting.Count <= MaxTurns)
                {
                    group = _waiting;
                    _waiting = [];
                }
                else
                {
                    group = _waiting.GetRange(0, MaxTurns);
                    _waiting.RemoveRange(0, MaxTurns);
                }
            }

            try
            {
                await writes.WriteAsync(() => CommitAsync(group), CancellationToken.None);
            }
            catch (Exception ex)
            {
                // BEGIN or COMMIT failed (disk full, I/O error): nothing of the group is stored, and every turn says so.
                group.ForEach(t => t.Done.TrySetException(ex));
            }
        }
    }

    private async Task<int> CommitAsync(List<PendingTurn> group)
    {
        await using var leader = await factory.CreateDbContextAsync();
        await leader.Database.OpenConnectionAsync(); // through the context, so the connection gets its PRAGMAs
        var connection = leader.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        var saved = new List<(PendingTurn Turn, int Rows)>(group.Count);
        try
        {
            foreach (var turn in group)
            {
                if (await SaveOneAsync(turn, connection, transaction, alone: group.Count == 1) is { } rows)
                {
                    saved.Add((turn, rows));
                }
            }

            await transaction.CommitAsync();
        }
        finally
        {
            // The turns' contexts let go of the group's transaction before it and its connection are disposed.
            foreach (var turn in group)
            {
                turn.Release();
            }
        }

        saved.ForEach(s => s.Turn.Done.TrySetResult(s.Rows));
        return saved.Count;
    }

    /// <summary>The turn's rows, or null when it failed (then rolled back to its savepoint and failed alone).</summary>
    private static async Task<int?> SaveOneAsync(PendingTurn turn, DbConnection connection, DbTransaction transaction, bool alone)
    {
        const string Savepoint = "turn";
        try
        {
            await turn.AttachAsync(connection, transaction);
            if (alone)
            {
                // Nothing to protect from it: a failure rolls the transaction back whole (its disposal), as before.
                return await turn.Save();
            }

            await transaction.SaveAsync(Savepoint);
            var rows = await turn.Save();
            await transaction.ReleaseAsync(Savepoint);
            return rows;
        }
        catch (Exception ex) when (!alone)
        {
            await transaction.RollbackAsync(Savepoint);
            await transaction.ReleaseAsync(Savepoint);
            turn.Done.TrySetException(ex);
            return null;
        }
        catch (Exception ex)
        {
            turn.Done.TrySetException(ex);
            throw;
        }
    }

    private sealed class PendingTurn(InfoBotDbContext context, Func<Task<int>> save)
    {
        private string? _connectionString;

        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Func<Task<int>> Save { get; } = save;

        /// <summary>Moves the turn's context onto the group's connection and transaction (its own goes back to the pool).</summary>
        public async Task AttachAsync(DbConnection connection, DbTransaction transaction)
        {
            _connectionString = context.Database.GetConnectionString();
            await context.Database.CloseConnectionAsync();
            context.Database.SetDbConnection(connection, contextOwnsConnection: false);
            await context.Database.UseTransactionAsync(transaction);
        }

        /// <summary>
        /// Gives the context back a connection of its own, as the pool that lent it expects: contexts are pooled, and
        /// one left holding the group's connection would share it with whichever context rents it next.
        /// </summary>
        public void Release()
        {
            if (_connectionString is null)
            {
                return;
            }

            context.Database.UseTransaction(null);
            context.Database.CloseConnection(); // only counts down: the group's connection was not opened by this context
            context.Database.SetDbConnection(null, contextOwnsConnection: true);
            context.Database.SetConnectionString(_connectionString);
        }
    }
}
