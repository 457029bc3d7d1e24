using System.Runtime.InteropServices;

namespace HaiHau.InfoBot.Benchmarks.Load;

/// <summary>Everything one load run measured; printed as a table and written as JSON with the same names.</summary>
public sealed record LoadResults(
    RunInfo Run,
    ChildHostResult ChildHost,
    double InProcessBuildToStartMs,
    ClosedLoopResult ClosedBot,
    ClosedLoopResult ClosedBaseline,
    OpenLoopResult OpenBot,
    OpenLoopResult OpenBaseline,
    PhaseTimes Phases,
    DbPerTurn Database)
{
    public double BotToBaselineRatio => ClosedBaseline.TurnsPerSecond == 0 ? 0 : ClosedBot.TurnsPerSecond / ClosedBaseline.TurnsPerSecond;

    // Issue 15's bar: each throughput figure is read next to the bare endpoint of the same run.
    public IReadOnlyList<TargetCheck> Targets =>
    [
        new("sustained turns/s (closed loop)", ClosedBot.TurnsPerSecond, ">= 2500", ClosedBot.TurnsPerSecond >= 2500 && ClosedBot.Errors == 0),
        new("bot / baseline % (closed loop)", BotToBaselineRatio * 100, ">= 8", BotToBaselineRatio >= 0.08),
        new($"p99 ms at {OpenBot.Rate} turns/s (open loop)", OpenBot.Latency.P99Ms, "<= 20",
            OpenBot.Latency.P99Ms <= 20 && OpenBot.Errors == 0 && OpenBot.NoIdleUser == 0),
        new("idle RSS MB (child host)", ChildHost.IdleRssMb, "<= 120", ChildHost.IdleRssMb <= 120),
        new("start-up ms (child, restart)", ChildHost.RestartMs, "<= 1500", ChildHost.RestartMs <= 1500),
        new("start-up ms (child, new database)", ChildHost.FirstStartMs, "<= 1500", ChildHost.FirstStartMs <= 1500),
    ];

    public static RunInfo Describe(LoadOptions options, string loadAverageBefore) => new(
        DateTimeOffset.UtcNow, Environment.ProcessorCount, RunInfo.DescribeMachine(), RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription,
        options.Duration.TotalSeconds, options.WarmUp.TotalSeconds, options.Users, options.Rate, options.OpenLoopUsers,
        loadAverageBefore, RunInfo.LoadAverage());
}

/// <param name="LoadAverageBefore">/proc/loadavg before and after: on a shared two-core box, other work skews every figure.</param>
public sealed record RunInfo(
    DateTimeOffset At, int Cores, string Machine, string Os, string Runtime, double Seconds, double WarmUpSeconds, int Users, int Rate, int OpenLoopUsers,
    string LoadAverageBefore, string LoadAverageAfter)
{
    /// <summary>The CPU model from /proc/cpuinfo: two "2 cores" can differ twofold.</summary>
    public static string DescribeMachine() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : RuntimeInformation.ProcessArchitecture.ToString();

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

public sealed record TargetCheck(string Measure, double Value, string Target, bool Pass);

/// <summary>EF Core work per turn in the profiled pass (SQL commands exclude the PRAGMAs run on each connection open).</summary>
public sealed record DbPerTurn(double Commands, double CommandMs, double ConnectionOpens, double SaveChanges)
{
    public static DbPerTurn From(DbCounts counts, int turns) => turns == 0
        ? new DbPerTurn(0, 0, 0, 0)
        : new DbPerTurn((double)counts.Commands / turns, counts.CommandTime.TotalMilliseconds / turns,
            (double)counts.ConnectionOpens / turns, (double)counts.SaveChanges / turns);
}
