namespace HaiHau.InfoBot.Storage;

/// <summary>
/// One turn at a time per conversation, so two quick messages never race on the same state. Striped: a fixed
/// set of semaphores chosen by hash, so memory does not grow with the number of residents.
/// With <paramref name="postgresConnectionString"/> (several hosts on PostgreSQL) the conversation is also locked in
/// the database (<see cref="PostgresConversationLock"/>), so two hosts never run turns of one conversation at once.
/// </summary>
public sealed class ConversationLocks(string? postgresConnectionString = null) : IDisposable
{
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> AcquireAsync(string channel, string chatId, CancellationToken ct)
    {
        var stripe = _stripes[(int)((uint)HashCode.Combine(channel, chatId) % (uint)_stripes.Length)];
        await stripe.WaitAsync(ct);
        if (postgresConnectionString is null)
        {
            return new Releaser(stripe);
        }

        try
        {
            // In-process first, so a host's own turns queue on the semaphore rather than each holding a connection.
            var held = await PostgresConversationLock.AcquireAsync(postgresConnectionString, channel, chatId, ct);
            return new Releaser(stripe, held);
        }
        catch
        {
            stripe.Release();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var stripe in _stripes)
        {
            stripe.Dispose();
        }
    }

    private sealed class Releaser(SemaphoreSlim stripe, IDisposable? database = null) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                database?.Dispose();
                stripe.Release();
            }
        }
    }
}
