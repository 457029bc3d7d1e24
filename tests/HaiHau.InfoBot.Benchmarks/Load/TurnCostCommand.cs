using System.Diagnostics;
using System.Globalization;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.Host.Turns;
using HaiHau.InfoBot.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Benchmarks.Load;

/// <summary>
/// "turns": what one web chat turn costs in CPU time, bytes allocated and SQL commands, without HTTP (the turn as
/// WebChatApi runs it) and then over HTTP next to the bare endpoint. CPU time and allocations per turn move far less
/// than turns/s when other work shares the machine, so this is the figure to compare before and after a change on a
/// busy box; run it under `dotnet-trace collect` to see where the time goes.
/// </summary>
public static class TurnCostCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var turns = args.Length > 1 && args[0] == "--count" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        // --sql: a few turns with EF Core's SQL log on, to read what one turn sends to the database.
        string[] sqlLog = args.Contains("--sql") ? ["--Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command=Information"] : [];
        var ct = CancellationToken.None;
        using var temp = new TempDirectory();
        var contentRoot = Path.Combine(RepoPaths.Root, "src", "HaiHau.InfoBot.Host");
        await using var bot = InfoBotWeb.Build(["--urls", "http://127.0.0.1:0", "--contentRoot", contentRoot, .. LoadCommand.HostSettings(Path.Combine(temp.Path, "turns.db")), .. sqlLog]);
        await bot.StartAsync(ct);
        await using var baseline = await BaselineServer.StartAsync(ct);
        var loadBefore = RunInfo.LoadAverage();

        var runner = bot.Services.GetRequiredService<TurnRunner>();
        await DirectAsync(runner, turns / 10, ct); // warm-up: JIT tiers, EF's compiled queries, the pool
        using var counter = new DbCommandCounter();
        counter.Enabled = true;
        var direct = await MeasureAsync(() => DirectAsync(runner, turns, ct), turns);
        counter.Enabled = false;
        var db = counter.Take();
        // The same turns with each conversation on a thread of its own: SQLite's async calls complete synchronously, so
        // the phase above runs its eight conversations one after another on one thread (one core). This one runs them
        // in parallel as the HTTP phase does, so "direct ÷ parallel ÷ HTTP" tells the cost of running turns side by side
        // from the cost of HTTP (issue 15).
        var parallel = await MeasureAsync(() => DirectAsync(runner, turns, ct, parallel: true), turns);

        var botHttp = await HttpAsync(ChatTarget.Bot(new Uri(bot.Urls.First())), turns, ct);
        var baseHttp = await HttpAsync(ChatTarget.Baseline(new Uri(baseline.Urls.First())), turns, ct);
        await bot.StopAsync(ct);

        Line($"load average {loadBefore} before, {RunInfo.LoadAverage()} after; {turns} turns, 8 conversations at a time");
        Line($"direct (TurnRunner): {direct.CpuMs:F3} ms CPU/turn, {direct.KbAllocated:F1} KB/turn, {(double)db.Commands / turns:F2} SQL/turn, {(double)db.ConnectionOpens / turns:F2} opens/turn, {(double)db.SaveChanges / turns:F2} SaveChanges/turn, {direct.TurnsPerSecond:F0} turns/s");
        Line($"direct, in parallel: {parallel.CpuMs:F3} ms CPU/turn, {parallel.KbAllocated:F1} KB/turn, {parallel.TurnsPerSecond:F0} turns/s (8 conversations on threads of their own)");
        Line($"http bot:            {botHttp.CpuMs:F3} ms CPU/turn, {botHttp.KbAllocated:F1} KB/turn, {botHttp.TurnsPerSecond:F0} turns/s (client included)");
        Line($"http baseline:       {baseHttp.CpuMs:F3} ms CPU/turn, {baseHttp.KbAllocated:F1} KB/turn, {baseHttp.TurnsPerSecond:F0} turns/s (client included)");
        Line($"cpu_direct={direct.CpuMs:F3} cpu_http_extra={botHttp.CpuMs - baseHttp.CpuMs:F3}");
        return 0;
    }

    private sealed record Cost(double CpuMs, double KbAllocated, double TurnsPerSecond);

    private static async Task<Cost> MeasureAsync(Func<Task> run, int turns)
    {
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await run();
        var seconds = clock.Elapsed.TotalSeconds;
        self.Refresh();
        return new Cost((self.TotalProcessorTime - cpu).TotalMilliseconds / turns, (GC.GetTotalAllocatedBytes(precise: true) - bytes) / 1024.0 / turns, turns / seconds);
    }

    private static async Task DirectAsync(TurnRunner runner, int turns, CancellationToken ct, bool parallel = false)
    {
        string?[] script = ["bhyt", "ngheo", "no", null];
        await Task.WhenAll(Enumerable.Range(0, 8).Select(u => parallel ? Task.Run(() => User(u), ct) : User(u)));

        async Task User(int u)
        {
            var chat = "wcost" + Guid.NewGuid().ToString("N");
            var from = new ConversationRef("web", chat, chat);
            await runner.RunAsync(new InboundMessage(from, chat + ":start", DateTimeOffset.UtcNow, null, IsStart: true), ct);
            for (var i = 0; i < turns / 8; i++)
            {
                var choice = script[i % script.Length];
                var message = new InboundMessage(from, $"{chat}:{i.ToString(CultureInfo.InvariantCulture)}", DateTimeOffset.UtcNow, choice is null ? "menu" : null, choice);
                _ = await runner.RunAsync(message, ct, requireConversation: true) ?? throw new InvalidOperationException("conversation lost");
            }
        }
    }

    private static async Task<Cost> HttpAsync(ChatTarget target, int turns, CancellationToken ct)
    {
        using var client = target.CreateClient(8);
        var users = Enumerable.Range(0, 8).Select(_ => new VirtualUser(target, client)).ToList();
        await Task.WhenAll(users.Select(u => u.StartAsync(ct)));
        async Task Run(int n) => await Task.WhenAll(users.Select(async u =>
        {
            for (var i = 0; i < n / 8; i++)
            {
                if (!await u.TurnAsync(ct))
                {
                    throw new InvalidOperationException($"{target.Name}: a turn failed");
                }
            }
        }));
        await Run(turns / 10);
        return await MeasureAsync(() => Run(turns), turns);
    }

    private static void Line(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));
}
