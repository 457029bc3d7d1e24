using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace HaiHau.InfoBot.Benchmarks.Engine;

/// <summary>"engine": BenchmarkDotNet over <see cref="EngineBenchmarks"/>; extra arguments go to BenchmarkDotNet (e.g. --filter).</summary>
public static class EngineCommand
{
    public static int Run(string[] args)
    {
        // ShortRun (3 warm-ups, 3 iterations): on a 2-core box shared with builds, the default job takes minutes
        // per case and its extra precision drowns in the noise anyway.
        var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithId("ShortRun"));
        var summaries = BenchmarkSwitcher.FromTypes([typeof(EngineBenchmarks)])
            .Run(args.Length == 0 ? ["--filter", "*"] : args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
