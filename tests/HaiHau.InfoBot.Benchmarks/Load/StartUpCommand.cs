using System.Diagnostics;
using System.Globalization;
using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Benchmarks.Load;

/// <summary>
/// "startup": where a host's start-up goes and how long it takes. First the in-process phases on the real content,
/// each in a fresh state (hashing the files, parsing and validating them, building the classifier with and without
/// the on-disk model cache), then the real host as a child process: one start on a new database (migrations, and a
/// cold model cache) and <c>--restarts N</c> restarts on it (median and range), as after a deploy. The load average
/// is printed before and after, since on a shared box it decides the wall-clock figures.
/// </summary>
public static class StartUpCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var restarts = args.Length >= 2 && args[0] == "--restarts" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        Console.WriteLine($"load average before: {RunInfo.LoadAverage()}");
        using var temp = new TempDirectory();

        var store = new ClassifierFileStore(Path.Combine(temp.Path, "model-cache"));
        var hash = Time(() => BotDataCache.Hash(RepoPaths.Dialogs, RepoPaths.Content));
        var load = Time(() => BotDataLoader.Load(RepoPaths.Dialogs, RepoPaths.Content));
        var train = Time(() => BotDataLoader.Load(RepoPaths.Dialogs, RepoPaths.Content).Questions);
        var kept = Time(() => BotDataLoader.Load(RepoPaths.Dialogs, RepoPaths.Content, store).Questions); // a miss: trains and writes
        var cached = Time(() => BotDataLoader.Load(RepoPaths.Dialogs, RepoPaths.Content, store).Questions); // a hit: reads the weights
        Console.WriteLine($"in process: hash {hash:0} ms; parse + validate {load:0} ms; + classifier trained {train:0} ms; + trained and stored {kept:0} ms; + read from the model cache {cached:0} ms");

        // Restarts with and without the model cache, interleaved so both see the same load on a shared machine.
        var database = Path.Combine(temp.Path, "child.db");
        (double Wall, double Cpu) first;
        using (var host = await ChildHost.StartAsync(database, CancellationToken.None))
        {
            first = (host.StartUp.TotalMilliseconds, host.StartUpCpu.TotalMilliseconds);
        }

        var (withCache, training) = (new List<(double Wall, double Cpu)>(), new List<(double Wall, double Cpu)>());
        for (var i = 0; i < restarts; i++)
        {
            using (var host = await ChildHost.StartAsync(database, CancellationToken.None))
            {
                withCache.Add((host.StartUp.TotalMilliseconds, host.StartUpCpu.TotalMilliseconds));
            }

            using (var host = await ChildHost.StartAsync(database, CancellationToken.None, ["--InfoBot:ModelCachePath="]))
            {
                training.Add((host.StartUp.TotalMilliseconds, host.StartUpCpu.TotalMilliseconds));
            }
        }

        Console.WriteLine($"child host until /health: new database (migrations, model trained and stored) {first.Wall:0} ms, CPU {first.Cpu:0} ms; target ≤ 1500 ms");
        Console.WriteLine($"  restart, model read from the cache: {Describe(withCache)}");
        Console.WriteLine($"  restart, model trained (no cache):  {Describe(training)}");
        Console.WriteLine($"load average after: {RunInfo.LoadAverage()}");
        return 0;
    }

    private static string Describe(List<(double Wall, double Cpu)> runs)
    {
        var wall = runs.Select(r => r.Wall).Order().ToList();
        var cpu = runs.Select(r => r.Cpu).Order().ToList();
        return $"wall median {wall[wall.Count / 2]:0} ms (min {wall[0]:0}, max {wall[^1]:0}); CPU median {cpu[cpu.Count / 2]:0} ms (min {cpu[0]:0}, max {cpu[^1]:0}); n={runs.Count}";
    }

    private static double Time(Func<object> phase)
    {
        var watch = Stopwatch.StartNew();
        GC.KeepAlive(phase());
        return watch.Elapsed.TotalMilliseconds;
    }
}
