using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace HaiHau.InfoBot.Benchmarks.Understanding;

/// <summary>"classify": BenchmarkDotNet over <see cref="ClassifierBenchmarks"/> and <see cref="TrainingBenchmarks"/>.</summary>
public static class ClassifyCommand
{
    public static int Run(string[] args)
    {
        // ShortRun, as for "engine": on a shared 2-core box more iterations buy noise, not precision.
        var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithId("ShortRun"));
        var summaries = BenchmarkSwitcher.FromTypes([typeof(ClassifierBenchmarks), typeof(TrainingBenchmarks)])
            .Run(args.Length == 0 ? ["--filter", "*"] : args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
