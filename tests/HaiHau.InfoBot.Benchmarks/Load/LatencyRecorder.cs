using System.Diagnostics;

namespace HaiHau.InfoBot.Benchmarks.Load;

/// <summary>
/// Latencies in Stopwatch ticks, preallocated so recording under load allocates nothing and takes no lock.
/// Count is every success; past the capacity the percentiles use the first samples only (capacity is sized so
/// that a default run never gets there).
/// </summary>
public sealed class LatencyRecorder(int capacity)
{
    private readonly long[] _ticks = new long[capacity];
    private int _count;
    private int _errors;

    public int Count => Volatile.Read(ref _count);

    public int Errors => Volatile.Read(ref _errors);

    public void Record(long ticks)
    {
        var i = Interlocked.Increment(ref _count) - 1;
        if (i < _ticks.Length)
        {
            _ticks[i] = ticks;
        }
    }

    public void RecordError() => Interlocked.Increment(ref _errors);

    public LatencySummary Summarize()
    {
        var sorted = _ticks[..Math.Min(Count, _ticks.Length)];
        Array.Sort(sorted);
        return new LatencySummary(At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99), sorted.Length == 0 ? 0 : Ms(sorted[^1]));
    }

    public static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    // Nearest-rank percentile: with 5,000 samples p99 is the 4,950th, no interpolation needed.
    private static double At(long[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Ms(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)]);
}

public sealed record LatencySummary(double P50Ms, double P95Ms, double P99Ms, double MaxMs);
