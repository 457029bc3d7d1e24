namespace HaiHau.InfoBot.Core.Delivery;

/// <summary>
/// A channel's sending budget: <see cref="PerSecond"/> tokens a second, at most one second's worth saved up, so a
/// burst never goes past the platform's cap. Pure: the caller passes the time (from its TimeProvider). Not thread-safe;
/// one channel loop owns it.
/// </summary>
public sealed class TokenBucket
{
    private readonly double _capacity;
    private double _tokens;
    private DateTimeOffset _last;

    public TokenBucket(double perSecond, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        PerSecond = perSecond;
        _capacity = Math.Max(1, perSecond);
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
        _tokens = 0;
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
