using System.Globalization;

namespace HaiHau.InfoBot.Benchmarks.Load;

/// <summary>Collections and the time the runtime held threads for them, in this process, to subtract around a phase.</summary>
public readonly record struct GcSnapshot(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated)
{
    public static GcSnapshot Take() =>
        new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());

    public static GcSnapshot operator -(GcSnapshot after, GcSnapshot before) =>
        new(after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.Paused - before.Paused, after.Allocated - before.Allocated);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Gen0} collections ({Gen1} of gen 1, {Gen2} of gen 2), {Paused.TotalMilliseconds:F0} ms paused in all, {Allocated / 1048576.0:F0} MB allocated");
}
