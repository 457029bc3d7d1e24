using System.Diagnostics;
using System.Runtime;

namespace HaiHau.InfoBot.Benchmarks.Load;

/// <summary>
/// Waits for the tier-1 compiles a warm-up set off: the runtime promotes a method on a background thread once it was
/// called 30 times after a 100 ms delay, so they come after the calls that earn them, and a clock started straight
/// after a warm-up timed them (the turn path partly still in unoptimised code).
/// </summary>
public static class JitSettle
{
    /// <summary>The JIT is taken as settled when it compiled nothing for this long (the runtime's tiering delay is 100 ms).</summary>
    public static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(300);

    /// <summary>Returns once the JIT compiled nothing for <see cref="Idle"/>, or after 10 s; how many methods it compiled meanwhile.</summary>
    public static async Task<long> WaitAsync()
    {
        var patience = Stopwatch.StartNew();
        var first = JitInfo.GetCompiledMethodCount();
        var (count, idle) = (first, Stopwatch.StartNew());
        while (idle.Elapsed < Idle && patience.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
            var now = JitInfo.GetCompiledMethodCount();
            if (now != count)
            {
                (count, idle) = (now, Stopwatch.StartNew());
            }
        }

        return count - first;
    }
}
