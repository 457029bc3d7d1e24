namespace HaiHau.InfoBot.TestKit;

/// <summary>One call a capped fake saw: when it arrived (on the cap's clock) and whether the cap let it through.</summary>
public readonly record struct CappedCall(DateTimeOffset At, bool Admitted);

/// <summary>
/// A platform's rate limit as the fakes enforce it: at most <see cref="Limit"/> admitted calls in any
/// <see cref="Window"/> (sliding, not fixed buckets, which is the strictest reading of "30 a second"). Refused calls
/// do not count against the window. Every call is recorded with its time, so a benchmark can compute the rate it
/// achieved and count refusals. The clock is injectable so tests can check the cap without waiting.
/// </summary>
public sealed class SlidingWindowCap(int limit, TimeSpan window, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Queue<DateTimeOffset> _admitted = new();
    private readonly List<CappedCall> _calls = [];
    private readonly object _gate = new();

    public int Limit { get; } = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit));

    public TimeSpan Window { get; } = window > TimeSpan.Zero ? window : throw new ArgumentOutOfRangeException(nameof(window));

    /// <summary>Every call so far, in arrival order.</summary>
    public IReadOnlyList<CappedCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToList();
            }
        }
    }

    /// <summary>Counts a call now; false when <see cref="Limit"/> calls were already admitted within the last <see cref="Window"/>.</summary>
    public bool TryAdmit()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            while (_admitted.Count > 0 && _admitted.Peek() <= now - Window)
            {
                _admitted.Dequeue();
            }

            var admitted = _admitted.Count < Limit;
            if (admitted)
            {
                _admitted.Enqueue(now);
            }

            _calls.Add(new CappedCall(now, admitted));
            return admitted;
        }
    }
}
