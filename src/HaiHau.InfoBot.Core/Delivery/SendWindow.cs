namespace HaiHau.InfoBot.Core.Delivery;

/// <summary>
/// At most <c>limit</c> sends in any one <c>length</c> of time as the platform counts them (a sliding window), however
/// late requests reach it. The <see cref="TokenBucket"/> alone lets a second see its rate plus the saved-up token, and
/// a send leaves on time but may arrive late, bunched with later ones: a platform enforcing exactly 30 a second then
/// answers 429 and the pause costs a whole second. So a send counts from when it starts until a window-length after
/// its answer came back; the platform saw it somewhere in between, so no window there can hold more than the limit.
/// Pure, not thread-safe: one channel loop owns it.
/// </summary>
public sealed class SendWindow
{
    private readonly Queue<DateTimeOffset> _answered = new();
    private readonly int _limit;
    private readonly TimeSpan _length;
    private int _inFlight;

    public SendWindow(int limit, TimeSpan length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
        _limit = limit;
        _length = length;
    }

    /// <summary>The window for a per-second rate: the rate rounded up (29.5 a second never puts 31 in one second).</summary>
    public static SendWindow PerSecond(double rate) => new(Math.Max(1, (int)Math.Ceiling(rate)), TimeSpan.FromSeconds(1));

    /// <summary>How long until one more send fits (zero when one does now).</summary>
    public TimeSpan Wait(DateTimeOffset now)
    {
        Forget(now);
        var counted = _answered.Count + _inFlight;
        if (counted < _limit)
        {
            return TimeSpan.Zero;
        }

        // Replies may have pushed the count over the limit: wait until enough answered sends have left the window.
        var leaving = counted - _limit;
        return leaving < _answered.Count ? _answered.ElementAt(leaving) + _length - now : _length;
    }

    /// <summary>A send starts (replies too: they are never held, but they use the platform's allowance).</summary>
    public void Start() => _inFlight++;

    /// <summary>Its answer came back now (whatever it said): it stays counted for one more window length.</summary>
    public void Answered(DateTimeOffset now)
    {
        Forget(now);
        _inFlight = Math.Max(0, _inFlight - 1);
        _answered.Enqueue(now);
    }

    /// <summary>
    /// Every send still counted as in flight is taken as answered now. The loop calls this before it picks: it awaits
    /// each round, so a send still "in flight" then is one whose round failed before it could report its answer.
    /// </summary>
    public void AnsweredAll(DateTimeOffset now)
    {
        while (_inFlight > 0)
        {
            Answered(now);
        }
    }

    private void Forget(DateTimeOffset now)
    {
        while (_answered.Count > 0 && _answered.Peek() + _length <= now)
        {
            _answered.Dequeue();
        }
    }
}
