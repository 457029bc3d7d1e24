namespace HaiHau.InfoBot.Host.Telegram;

/// <summary>
/// The injected clock, unchanged, except that it says when a wait has been set on it. Polly's retry starts its delay
/// after its OnRetry callback, so "a back-off has begun" can only be told truthfully from the timer itself: a test that
/// moves a fake clock on that signal then never moves it before the wait exists (which would make the wait last for ever).
/// </summary>
internal sealed class WaitStartedClock(TimeProvider inner, Action<TimeSpan> started) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(callback, state, dueTime, period);
        started(dueTime);
        return timer;
    }
}
