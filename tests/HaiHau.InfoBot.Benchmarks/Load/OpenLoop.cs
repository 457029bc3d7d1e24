using System.Collections.Concurrent;
using System.Diagnostics;

namespace HaiHau.InfoBot.Benchmarks.Load;

public sealed record OpenLoopResult(
    string Target, int Rate, double Seconds, int Scheduled, int Completed, int Errors, int NoIdleUser, double MaxScheduleLagMs, LatencySummary Latency);

/// <summary>
/// Fixed arrival rate, whatever the server does. Send times are computed from the start (start + i/rate) in
/// Stopwatch ticks, so they never drift, and latency is measured from the intended send time, so a stalled server
/// or a late generator shows up in the figures instead of being hidden (no coordinated omission).
/// </summary>
public static class OpenLoop
{
    public static async Task<OpenLoopResult> RunAsync(ChatTarget target, int rate, TimeSpan duration, int users, CancellationToken ct)
    {
        using var client = target.CreateClient(users);
        var crowd = Enumerable.Range(0, users).Select(_ => new VirtualUser(target, client)).ToList();
        await Task.WhenAll(crowd.Select(u => u.StartAsync(ct)));

        // A user owns one conversation, and a conversation takes one turn at a time (as a person would). An arrival
        // finding every user busy is counted, not queued: by then latency has long passed 0.5 s anyway.
        var idle = new ConcurrentQueue<VirtualUser>(crowd);
        var scheduled = (int)(rate * duration.TotalSeconds);
        var recorder = new LatencyRecorder(scheduled);
        var inFlight = new List<Task>(scheduled);
        var noIdle = 0;

        // The schedule runs on its own thread: it sleeps most of the time, and must not hold a pool thread doing so.
        var start = Stopwatch.GetTimestamp();
        var maxLag = await Task.Factory.StartNew(() =>
        {
            long lag = 0;
            for (var i = 0; i < scheduled; i++)
            {
                var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
                WaitUntil(due);
                lag = Math.Max(lag, Stopwatch.GetTimestamp() - due);
                if (idle.TryDequeue(out var user))
                {
                    inFlight.Add(Task.Run(() => FireAsync(user, due, idle, recorder, ct), ct));
                }
                else
                {
                    noIdle++;
                }
            }

            return lag;
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        await Task.WhenAll(inFlight); // each request is bounded by the client's 10 s timeout
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new OpenLoopResult(target.Name, rate, seconds, scheduled, recorder.Count, recorder.Errors, noIdle,
            LatencyRecorder.Ms(maxLag), recorder.Summarize());
    }

    private static async Task FireAsync(VirtualUser user, long due, ConcurrentQueue<VirtualUser> idle, LatencyRecorder recorder, CancellationToken ct)
    {
        try
        {
            if (await user.TurnAsync(ct))
            {
                recorder.Record(Stopwatch.GetTimestamp() - due);
            }
            else
            {
                recorder.RecordError();
            }
        }
        finally
        {
            idle.Enqueue(user);
        }
    }

    // Sleep, never spin (only the last 0.1 ms yields): a spinning generator would steal one core of two from the server
    // under test. A 1 ms sleep may wake up to ~1 ms late; that lateness counts in the latency (measured from due)
    // and never accumulates, since each due time comes from the start, not from the previous send.
    private static void WaitUntil(long due)
    {
        var margin = Stopwatch.Frequency / 10_000;
        long now;
        while ((now = Stopwatch.GetTimestamp()) < due)
        {
            if (due - now > margin)
            {
                Thread.Sleep(1);
            }
            else
            {
                Thread.Yield();
            }
        }
    }
}
