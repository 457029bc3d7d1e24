using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using HaiHau.InfoBot.Benchmarks.Load;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Postgres;

namespace HaiHau.InfoBot.Benchmarks.Hosts;

/// <summary>
/// "hosts [--quick] [--users N] [--seconds S]": web turns/s of the real host as its own process (issue 16), one run,
/// one machine: 1 host on SQLite, 1 host on PostgreSQL, 2 hosts on one PostgreSQL behind a round-robin client.
/// PostgreSQL is a throw-away cluster started as the tests start it (TestKit's <see cref="PostgresCluster"/>: no fsync,
/// so neither side waits for the disk: SQLite runs with synchronous=NORMAL). Writes
/// BenchmarkDotNet.Artifacts/hosts-results.json with the date and the load average around the run.
/// </summary>
public static class HostsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args)
    {
        var options = HostsOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: hosts [--quick] [--users N] [--seconds S]");
            return 2;
        }

        if (PostgresCluster.MissingReason is { } missing)
        {
            Console.Error.WriteLine(missing);
            return 1;
        }

        var ct = CancellationToken.None; // every phase is bounded by its duration and the client's request timeout
        var at = DateTimeOffset.UtcNow;
        var loadBefore = RunInfo.LoadAverage();
        using var temp = new TempDirectory();
        // One folder for every host: the first (SQLite) trains the understanding model and caches it there, so the
        // others start as a restarted host does and no two hosts write the cache at once.
        var databasePath = Path.Combine(temp.Path, "bench.db");

        var runs = new List<HostsRun>
        {
            await MeasureAsync("1 host, SQLite", "sqlite", 1, databasePath, [], options, ct),
        };

        Console.WriteLine("starting a throw-away PostgreSQL cluster");
        var cluster = PostgresCluster.Instance;
        runs.Add(await MeasureAsync("1 host, PostgreSQL", "postgres", 1, databasePath, Postgres(cluster.CreateDatabase()), options, ct));
        runs.Add(await MeasureAsync("2 hosts, PostgreSQL (round-robin)", "postgres", 2, databasePath, Postgres(cluster.CreateDatabase()), options, ct));
        // The first set-up again, on a new file: on a machine shared with other work the gap between the two SQLite
        // figures shows how far the load moved during the run, so the differences above can be read against it.
        runs.Add(await MeasureAsync("1 host, SQLite (again)", "sqlite", 1, Path.Combine(temp.Path, "bench-again.db"), [], options, ct));

        var results = new HostsResults(at, Environment.ProcessorCount, RunInfo.DescribeMachine(), RuntimeInformation.OSDescription,
            options.Users, options.WarmUp.TotalSeconds, options.Duration.TotalSeconds, loadBefore, RunInfo.LoadAverage(), runs);
        Print(results);
        var path = await WriteJsonAsync(results, ct);
        Console.WriteLine($"written: {path}");
        return 0;
    }

    private static string[] Postgres(string connectionString) =>
        ["--InfoBot:Database:Provider=postgres", $"--ConnectionStrings:InfoBot={connectionString}"];

    private static async Task<HostsRun> MeasureAsync(
        string setup, string provider, int count, string databasePath, string[] settings, HostsOptions options, CancellationToken ct)
    {
        Console.WriteLine($"{setup}: starting {count} host process(es), {options.Users} users, {options.Duration.TotalSeconds} s after {options.WarmUp.TotalSeconds} s warm-up");
        var hosts = new List<ChildHost>();
        try
        {
            // One after the other: the first migrates (PostgreSQL), the second then finds nothing to do.
            for (var i = 0; i < count; i++)
            {
                hosts.Add(await ChildHost.StartAsync(databasePath, ct, settings));
            }

            var target = ChatTarget.Bots(setup, hosts.Select(h => h.Address).ToList());
            var loop = await ClosedLoop.RunAsync(target, options.Users, options.WarmUp, options.Duration, ct);
            var cpu = hosts.Sum(h => (h.CpuTime() - h.StartUpCpu).TotalMilliseconds);
            return new HostsRun(setup, provider, count, hosts.Max(h => h.StartUp.TotalMilliseconds), loop.TurnsPerSecond, loop.Turns, loop.Errors,
                loop.Latency, cpu / Math.Max(1, loop.Turns));
        }
        finally
        {
            hosts.ForEach(h => h.Dispose());
        }
    }

    private static void Print(HostsResults r)
    {
        Line($"\n{r.At:yyyy-MM-dd HH:mm}Z, {r.Cores} cores ({r.Machine}), {r.Users} users, {r.Seconds} s each; load average {r.LoadAverageBefore} before, {r.LoadAverageAfter} after");
        Line($"{"",-36}{"turns/s",9}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}{"errors",8}{"host cpu ms/t",14}");
        foreach (var run in r.Runs)
        {
            Line($"{run.Setup,-36}{run.TurnsPerSecond,9:F0}{run.Latency.P50Ms,9:F1}{run.Latency.P95Ms,9:F1}{run.Latency.P99Ms,9:F1}{run.Errors,8}{run.HostCpuMsPerTurn,14:F2}");
        }
    }

    public static async Task<string> WriteJsonAsync(HostsResults results, CancellationToken ct)
    {
        var folder = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "hosts-results.json");
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, results, Json, ct);
        return path;
    }

    private static void Line(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));
}

/// <summary>What one "hosts" run measured, written as JSON with these names.</summary>
public sealed record HostsResults(
    DateTimeOffset At, int Cores, string Machine, string Os, int Users, double WarmUpSeconds, double Seconds,
    string LoadAverageBefore, string LoadAverageAfter, IReadOnlyList<HostsRun> Runs);

/// <param name="HostCpuMsPerTurn">The host processes' CPU time after start-up (warm-up included) per timed turn.</param>
public sealed record HostsRun(
    string Setup, string Provider, int Hosts, double StartUpMs, double TurnsPerSecond, int Turns, int Errors, LatencySummary Latency, double HostCpuMsPerTurn);

/// <summary>The closed loop's shape: <c>--quick</c> for a short run on a busy machine.</summary>
public sealed record HostsOptions(int Users, TimeSpan WarmUp, TimeSpan Duration)
{
    public static HostsOptions? Parse(string[] args)
    {
        var options = new HostsOptions(32, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20));
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    options = options with { Users = 16, WarmUp = TimeSpan.FromSeconds(2), Duration = TimeSpan.FromSeconds(8) };
                    break;
                case "--users" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var users) && users > 0:
                    options = options with { Users = users };
                    i++;
                    break;
                case "--seconds" when i + 1 < args.Length && double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    options = options with { Duration = TimeSpan.FromSeconds(seconds) };
                    i++;
                    break;
                default:
                    return null;
            }
        }

        return options;
    }
}
