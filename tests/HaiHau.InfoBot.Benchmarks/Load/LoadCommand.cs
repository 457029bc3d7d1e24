using System.Diagnostics;
using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Benchmarks.Load;

/// <summary>
/// "load": the whole bot over HTTP on 127.0.0.1, against a bare ASP.NET Core baseline, in one bounded run.
/// Start-up and memory come from the host as a child process; throughput and latency from an in-process host,
/// so the driver, the bot and the baseline share the same two cores in the same way.
/// </summary>
public static class LoadCommand
{
    public static string[] HostSettings(string databasePath) =>
    [
        $"--ConnectionStrings:InfoBot=Data Source={databasePath}",
        $"--InfoBot:DialogsPath={RepoPaths.Dialogs}",
        $"--InfoBot:ContentPath={RepoPaths.Content}",
        // Beside the throw-away database: a host on a new database also starts with no trained model (the worst case).
        $"--InfoBot:ModelCachePath={Path.Combine(Path.GetDirectoryName(databasePath)!, "model-cache")}",
        "--Serilog:MinimumLevel:Default=Warning",
        // Every virtual user starts its conversation from 127.0.0.1: the per-address limit (issue 14) would refuse most.
        "--InfoBot:RateLimits:ConversationStartsPerMinute=10000",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = LoadOptions.Parse(args);
        var loadBefore = RunInfo.LoadAverage();
        var ct = CancellationToken.None; // every phase is bounded by its duration and the client's request timeout
        using var temp = new TempDirectory();

        Console.WriteLine("[1/4] child host: start-up and resident memory");
        var child = await ChildHostProbe.RunAsync(temp.Path, ct);

        Console.WriteLine("[2/4] in-process bot and baseline");
        var clock = Stopwatch.StartNew();
        // The content root holds wwwroot (the page); the API under load does not need it, but the host should be whole.
        var contentRoot = Path.Combine(RepoPaths.Root, "src", "HaiHau.InfoBot.Host");
        await using var bot = InfoBotWeb.Build(["--urls", "http://127.0.0.1:0", "--contentRoot", contentRoot, .. HostSettings(Path.Combine(temp.Path, "bench.db"))]);
        await bot.StartAsync(ct);
        var inProcessStartUp = clock.Elapsed;
        await using var baseline = await BaselineServer.StartAsync(ct);
        var botTarget = ChatTarget.Bot(new Uri(bot.Urls.First()));
        var baselineTarget = ChatTarget.Baseline(new Uri(baseline.Urls.First()));

        Console.WriteLine($"[3/4] closed loop: {options.Users} users, {options.Duration.TotalSeconds} s each (after {options.WarmUp.TotalSeconds} s warm-up)");
        var closedBaseline = await ClosedLoop.RunAsync(baselineTarget, options.Users, options.WarmUp, options.Duration, ct);
        var closedBot = await ClosedLoop.RunAsync(botTarget, options.Users, options.WarmUp, options.Duration, ct);

        Console.WriteLine($"[4/4] open loop: {options.Rate} turns/s for {options.Duration.TotalSeconds} s each");
        var openBaseline = await OpenLoop.RunAsync(baselineTarget, options.Rate, options.Duration, options.OpenLoopUsers, ct);
        var gcBefore = GcSnapshot.Take();
        var openBot = await OpenLoop.RunAsync(botTarget, options.Rate, options.Duration, options.OpenLoopUsers, ct);
        var gcDuringOpenLoop = GcSnapshot.Take() - gcBefore;

        var phases = await PhaseProfile.RunAsync(bot.Services, 300, ct);

        // A short extra pass with EF Core's events counted, kept out of the timed runs above.
        using var counter = new DbCommandCounter();
        counter.Enabled = true;
        var profiled = await ClosedLoop.RunAsync(botTarget, options.Users, TimeSpan.Zero, TimeSpan.FromSeconds(3), ct);
        counter.Enabled = false;
        var db = counter.Take();

        await bot.StopAsync(ct);
        await baseline.StopAsync(ct);

        var profiledTurns = profiled.Turns + profiled.Errors + options.Users; // the users' start turns touch the database too
        var results = new LoadResults(
            LoadResults.Describe(options, loadBefore), child, inProcessStartUp.TotalMilliseconds,
            closedBot, closedBaseline, openBot, openBaseline, phases, DbPerTurn.From(db, profiledTurns));
        LoadReport.Print(results);
        var path = await LoadReport.WriteJsonAsync(results, ct);
        Console.WriteLine($"written: {path} (the README's table: `-- readme --from {path}`)");
        // Where the open loop's tail can come from: every collection here stops the server's threads (non-concurrent GC).
        Console.WriteLine($"gc during the bot's open loop: {gcDuringOpenLoop}");
        LoadReport.PrintSummary(results);
        return 0;
    }
}
