namespace HaiHau.InfoBot.Core.Delivery;

/// <summary>
/// At most <c>limit</c> sends in any one <c>length</c> of time, the way a platform counts them (a sliding window).
/// The <see cref="TokenBucket"/> alone lets a window see its rate plus the saved-up token: 31 at 30 a second, which a
/// platform enforcing exactly 30 answers with 429 and a pause that costs a whole second. This guard closes that gap;
/// the bucket still spaces the sends evenly within it. Pure, not thread-safe: one channel loop owns it.
/// </summary>
public sealed class SendWindow
{
    private readonly Queue<DateTimeOffset> _sends = new();
    private readonly int _limit;
    private readonly TimeSpan _length;

    public SendWindow(int limit, TimeSpan length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
        _limit = limit;
        _length = length;
    }

    /// <summary>The window for a per-second rate: its whole messages (29 for 29.5), at least one.</summary>
    public static SendWindow PerSecond(double rate) => new(Math.Max(1, (int)Math.Floor(rate)), TimeSpan.FromSeconds(1));

    /// <summary>How long until one more send fits (zero when one does now).</summary>
    public TimeSpan Wait(DateTimeOffset now)
    {
        Forget(now);
        if (_sends.Count < _limit)
        {
            return TimeSpan.Zero;
        }

        // Replies may have pushed the count over the limit: wait until enough of them have left the window.
        return _sends.ElementAt(_sends.Count - _limit) + _length - now;
    }

    /// <summary>Counts a send made now (replies too: they are never held, but they use the platform's allowance).</summary>
    public void Add(DateTimeOffset now)
    {
        Forget(now);
        _sends.Enqueue(now);
    }

    private void Forget(DateTimeOffset now)
    {
        while (_sends.Count > 0 && _sends.Peek() + _length <= now)
        {
            _sends.Dequeue();
        }
    }
}
