using Microsoft.Extensions.Time.Testing;

namespace HaiHau.InfoBot.TestKit;

/// <summary>
/// A fake clock that tells when code starts waiting on it. Advancing before a wait has begun would be lost (the
/// wait would start from the new time), so a test awaits the wait first, then advances: no sleeping, no race.
/// </summary>
public class WatchedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly List<(TimeSpan Due, TaskCompletionSource Seen)> _watches = [];

    /// <summary>Completes once a timer due in exactly <paramref name="due"/> is created (now or already after this call).</summary>
    public Task WaitStartedAsync(TimeSpan due)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_watches)
        {
            _watches.Add((due, seen));
        }

        return seen.Task;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_watches)
        {
            foreach (var watch in _watches.Where(w => w.Due == dueTime).ToList())
            {
                _watches.Remove(watch);
                watch.Seen.TrySetResult();
            }
        }

        return timer;
    }
}
