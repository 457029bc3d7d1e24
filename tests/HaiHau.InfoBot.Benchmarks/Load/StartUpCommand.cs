using System.Diagnostics;
using System.Globalization;
using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Benchmarks.Load;

/// <summary>
/// "startup": where a host's start-up goes and how long it takes. First the in-process phases on the real content,
/// each in a fresh state (hashing the files, parsing and validating them, building the classifier with and without
/// the on-disk model cache), then the real host as a child process, both as deployed (the ReadyToRun publish,
/// <see cref="PublishedHost"/>) and as built (JIT only): one start on a new database (its schema from one script, the
/// understanding from the files the build prepared, an empty model cache) and <c>--restarts N</c> restarts on it
/// (median and range), as after a deploy, interleaved with as many new installs of the published host. The load average
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
        // Both warm (the first load above also paid for compiling the readers and the parsers): the parsers' work
        // alone, against what the snapshot the stored load kept saves of it (ContentParsers).
        var parsed = Time(() => BotDataLoader.Load(RepoPaths.Dialogs, RepoPaths.Content));
        var fromSnapshot = Time(() => BotDataLoader.Load(RepoPaths.Dialogs, RepoPaths.Content, store));
        Console.WriteLine($"in process, warm: parse + validate {parsed:0} ms; read from the parsers' snapshot + validate {fromSnapshot:0} ms");

        // The host as deployed (ReadyToRun publish) and the plain build output the tests run, on their own databases;
        // all restarts interleaved so each kind sees the same load on a shared machine.
        Console.WriteLine("publishing the host with ReadyToRun (as deploy/Dockerfile does) …");
        var published = await PublishedHost.PublishAsync(CancellationToken.None);
        var (publishedDb, builtDb) = (Path.Combine(temp.Path, "published", "child.db"), Path.Combine(temp.Path, "built", "child.db"));
        Directory.CreateDirectory(Path.GetDirectoryName(publishedDb)!);
        Directory.CreateDirectory(Path.GetDirectoryName(builtDb)!);
        var firstPublished = await StartOnceAsync(publishedDb, published);
        var firstBuilt = await StartOnceAsync(builtDb, null);

        var (withCache, training, built) = (new List<(double Wall, double Cpu)>(), new List<(double Wall, double Cpu)>(), new List<(double Wall, double Cpu)>());
        var installs = new List<(double Wall, double Cpu)>();
        for (var i = 0; i < restarts; i++)
        {
            // A new install each round too (empty database file, empty model cache), so its figure is a median, not one start.
            var install = Path.Combine(temp.Path, $"install-{i.ToString(CultureInfo.InvariantCulture)}", "child.db");
            Directory.CreateDirectory(Path.GetDirectoryName(install)!);
            installs.Add(await StartOnceAsync(install, published));
            withCache.Add(await StartOnceAsync(publishedDb, published));
            built.Add(await StartOnceAsync(builtDb, null));
            training.Add(await StartOnceAsync(publishedDb, published, ["--InfoBot:ModelCachePath="]));
        }

        Console.WriteLine("child host until /health; target ≤ 1500 ms");
        Console.WriteLine($"  published (ReadyToRun, as deployed), new database (schema script, understanding the build prepared): {firstPublished.Wall:0} ms, CPU {firstPublished.Cpu:0} ms");
        Console.WriteLine($"  published, new install (new database, empty model cache), each round: {Describe(installs)}");
        Console.WriteLine($"  published, restart, model read from the cache: {Describe(withCache)}");
        Console.WriteLine($"  published, restart, model trained (no cache):  {Describe(training)}");
        Console.WriteLine($"  build output (JIT only), new database: {firstBuilt.Wall:0} ms, CPU {firstBuilt.Cpu:0} ms");
        Console.WriteLine($"  build output, restart, model from the cache:   {Describe(built)}");
        Console.WriteLine($"load average after: {RunInfo.LoadAverage()}");
        return 0;
    }

    private static async Task<(double Wall, double Cpu)> StartOnceAsync(string database, string? hostDll, IReadOnlyList<string>? settings = null)
    {
        using var host = await ChildHost.StartAsync(database, CancellationToken.None, settings, hostDll);
        return (host.StartUp.TotalMilliseconds, host.StartUpCpu.TotalMilliseconds);
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
