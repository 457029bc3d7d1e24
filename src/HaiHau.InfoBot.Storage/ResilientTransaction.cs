using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// Runs the bot's explicit transactions inside EF's execution strategy (as eShop's ResilientTransaction does), so a
/// transient database failure (PostgreSQL restarted or failed over, a connection cut: <see cref="StorageSetup"/> turns
/// on retries for PostgreSQL) runs the work again instead of failing it. EF refuses a user transaction under a retrying
/// strategy unless it is opened this way. On SQLite the strategy does not retry, and this is a plain transaction.
/// A retry must not double or lose anything, so the work is always started again from what the database holds:
/// <see cref="ExecuteAsync{T}"/> forgets what the failed attempt tracked; <see cref="RunAsync{T}"/> gives each attempt a
/// fresh context, for work that reads before it writes and can tell it already committed (a turn finds its message settled).
/// </summary>
public static class ResilientTransaction
{
    /// <summary>
    /// One transaction around <paramref name="work"/>, committed when it returns, retried whole on a transient failure.
    /// The work must load inside itself whatever it changes: before a retry the context's tracked entities are dropped,
    /// so what the failed attempt added or changed is not saved twice, nor kept as if saved when its commit failed.
    /// </summary>
    public static Task<T> ExecuteAsync<T>(InfoBotDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        var attempts = 0;
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            if (attempts++ > 0)
            {
                db.ChangeTracker.Clear();
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work();
            await transaction.CommitAsync(ct);
            return result;
        });
    }

    /// <summary>
    /// The whole unit of work on a fresh context per attempt, retried on a transient failure. Transactions inside it
    /// (<see cref="ExecuteAsync{T}"/>) then run once per attempt: EF's nested strategy leaves the retrying to this one.
    /// For work that must find out whether a failed attempt's commit did reach the database before doing it again.
    /// </summary>
    public static async Task<T> RunAsync<T>(IDbContextFactory<InfoBotDbContext> factory, Func<InfoBotDbContext, Task<T>> attempt, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var attempts = 0;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            if (attempts++ == 0)
            {
                // The first attempt runs on the context the strategy came from, still unused: a second context per
                // web turn was a needless part of its cost (issue 15). A retry never reuses it (it is disposed at the end).
                return await attempt(db);
            }

            await using var context = await factory.CreateDbContextAsync(ct);
            return await attempt(context);
        });
    }
}
