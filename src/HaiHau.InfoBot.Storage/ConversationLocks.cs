namespace HaiHau.InfoBot.Storage;

/// <summary>
/// One turn at a time per conversation, so two quick messages never race on the same state. Striped: a fixed
/// set of semaphores chosen by hash, so memory does not grow with the number of residents.
/// </summary>
public sealed class ConversationLocks : IDisposable
{
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> AcquireAsync(string channel, string chatId, CancellationToken ct)
    {
        var stripe = _stripes[(int)((uint)HashCode.Combine(channel, chatId) % (uint)_stripes.Length)];
        await stripe.WaitAsync(ct);
        return new Releaser(stripe);
    }

    public void Dispose()
    {
        foreach (var stripe in _stripes)
        {
            stripe.Dispose();
        }
    }

    private sealed class Releaser(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
