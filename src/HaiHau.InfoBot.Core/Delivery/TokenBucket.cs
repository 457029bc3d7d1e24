namespace HaiHau.InfoBot.Core.Delivery;

/// <summary>
/// A channel's sending budget: <see cref="PerSecond"/> tokens a second, at most <c>burst</c> saved up. The default
/// burst of two spaces sends evenly (25 a second: one every 40 ms), so no one-second window, however a platform
/// draws it, sees much more than the rate; a saved-up second's worth would double it at the window's edge. The
/// second token is not for bursts but for timers: a wake-up that comes a few milliseconds late keeps its lateness
/// as credit, so the achieved rate stays at the configured one instead of losing each delay.
/// Pure: the caller passes the time (from its TimeProvider). Not thread-safe; one channel loop owns it.
/// </summary>
public sealed class TokenBucket
{
    private readonly double _capacity;
    private double _tokens;
    private DateTimeOffset _last;

    public TokenBucket(double perSecond, DateTimeOffset now, double burst = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        PerSecond = perSecond;
        _capacity = burst;
        _tokens = _capacity;
        _last = now;
    }

    public double PerSecond { get; }

    /// <summary>Takes one token if there is one.</summary>
    public bool TryTake(DateTimeOffset now)
    {
        Refill(now);
        if (_tokens < 1)
        {
            return false;
        }

        _tokens -= 1;
        return true;
    }

    /// <summary>
    /// Takes a token whether or not there is one, leaving a debt that later sends wait out. For replies to a resident
    /// who is waiting: they are few and must not queue behind the budget, but they still count against it, so
    /// announcements slow down to make room.
    /// </summary>
    public void Take(DateTimeOffset now)
    {
        Refill(now);
        _tokens -= 1;
    }

    /// <summary>How long until a token is available (zero when one is).</summary>
    public TimeSpan Wait(DateTimeOffset now)
    {
        Refill(now);
        return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / PerSecond);
    }

    /// <summary>Empties the bucket: after a 429 the platform's own count is full, whatever ours says.</summary>
    public void Drain(DateTimeOffset now)
    {
        Refill(now);
        _tokens = Math.Min(_tokens, 0); // a debt from replies stays owed
    }

    private void Refill(DateTimeOffset now)
    {
        if (now > _last)
        {
            _tokens = Math.Min(_capacity, _tokens + ((now - _last).TotalSeconds * PerSecond));
            _last = now;
        }
    }
}
