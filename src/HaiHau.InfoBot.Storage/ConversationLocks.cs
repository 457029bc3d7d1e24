namespace HaiHau.InfoBot.Storage;

/// <summary>
/// One turn at a time per conversation, so two quick messages never race on the same state. One semaphore per
/// conversation that has a turn running or waiting, dropped when its last user leaves, so memory does not grow with the
/// number of residents. It was a fixed set of 256 semaphores chosen by a hash: two residents whose chats fell on the
/// same one waited for each other, and since a turn keeps its lock until its group commit is done, a test that waits
/// for five turns to queue for one commit hung whenever two of its chats shared a semaphore (the hash is seeded per
/// process, so about one run in ten; GroupCommitTests).
/// With <paramref name="postgresConnectionString"/> (several hosts on PostgreSQL) the conversation is also locked in
/// the database (<see cref="PostgresConversationLock"/>), so two hosts never run turns of one conversation at once.
/// </summary>
public sealed class ConversationLocks(string? postgresConnectionString = null) : IDisposable
{
    private readonly Dictionary<(string Channel, string ChatId), Entry> _entries = [];

    /// <summary>Conversations with a turn running or waiting (what the lock set holds now).</summary>
    internal int Held
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    public async Task<IDisposable> AcquireAsync(string channel, string chatId, CancellationToken ct)
    {
        var key = (channel, chatId);
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Gate.WaitAsync(ct);
        }
        catch
        {
            Leave(key, entry);
            throw;
        }

        if (postgresConnectionString is null)
        {
            return new Releaser(this, key, entry);
        }

        try
        {
            // In-process first, so a host's own turns queue on the semaphore rather than each holding a connection.
            var held = await PostgresConversationLock.AcquireAsync(postgresConnectionString, channel, chatId, ct);
            return new Releaser(this, key, entry, held);
        }
        catch
        {
            entry.Gate.Release();
            Leave(key, entry);
            throw;
        }
    }

    public void Dispose()
    {
        lock (_entries)
        {
            foreach (var entry in _entries.Values)
            {
                entry.Gate.Dispose();
            }

            _entries.Clear();
        }
    }

    // The last user of a conversation's semaphore removes it; one still waiting keeps it (counted before it waits).
    private void Leave((string, string) key, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(key);
                entry.Gate.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(ConversationLocks owner, (string, string) key, Entry entry, IDisposable? database = null) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                database?.Dispose();
                entry.Gate.Release();
                owner.Leave(key, entry);
            }
        }
    }
}
