using System.Diagnostics;

namespace HaiHau.InfoBot.Benchmarks.Load;

/// <param name="CpuMsPerTurn">This process's CPU time over the timed window per turn: server and driver together.</param>
public sealed record ClosedLoopResult(
    string Target, int Users, double Seconds, int Turns, int Errors, double TurnsPerSecond, double CpuMsPerTurn, LatencySummary Latency);

/// <summary>
/// Maximum throughput: each user sends its next turn as soon as the last one answered, for a fixed time.
/// A warm-up of the same shape runs first so JIT, EF Core's model and the connection pool are not timed.
/// </summary>
public static class ClosedLoop
{
    private const int MaxTurnsPerUser = 200_000; // a bound even if the clock misbehaved

    public static async Task<ClosedLoopResult> RunAsync(ChatTarget target, int users, TimeSpan warmUp, TimeSpan duration, CancellationToken ct)
    {
        using var client = target.CreateClient(users);
        var crowd = Enumerable.Range(0, users).Select(_ => new VirtualUser(target, client)).ToList();
        await Task.WhenAll(crowd.Select(u => u.StartAsync(ct)));

        await RunForAsync(crowd, warmUp, new LatencyRecorder(0), ct);
        var settling = await JitSettle.WaitAsync();
        Console.WriteLine($"  {target.Name}: the JIT compiled {settling} methods after the warm-up before the clock started");
        var recorder = new LatencyRecorder(2_000_000); // 16 MB: the baseline does ~32,000 turns/s here
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var elapsed = await RunForAsync(crowd, duration, recorder, ct);
        self.Refresh();
        var cpuMs = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var seconds = elapsed.TotalSeconds;
        var done = Math.Max(1, recorder.Count + recorder.Errors);
        return new ClosedLoopResult(target.Name, users, seconds, recorder.Count, recorder.Errors, recorder.Count / seconds, cpuMs / done, recorder.Summarize());
    }

    private static async Task<TimeSpan> RunForAsync(List<VirtualUser> crowd, TimeSpan duration, LatencyRecorder recorder, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(crowd.Select(u => Task.Run(() => UserLoopAsync(u, deadline, recorder, ct), ct)));
        return Stopwatch.GetElapsedTime(start);
    }

    private static async Task UserLoopAsync(VirtualUser user, long deadline, LatencyRecorder recorder, CancellationToken ct)
    {
        for (var i = 0; i < MaxTurnsPerUser && Stopwatch.GetTimestamp() < deadline; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            if (await user.TurnAsync(ct))
            {
                recorder.Record(Stopwatch.GetTimestamp() - sent);
            }
            else
            {
                recorder.RecordError();
            }
        }
    }
}
