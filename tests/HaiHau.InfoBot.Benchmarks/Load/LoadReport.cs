using System.Globalization;
using System.Text.Json;

namespace HaiHau.InfoBot.Benchmarks.Load;

/// <summary>The load run's compact table on the console and the same figures in BenchmarkDotNet.Artifacts/load-results.json.</summary>
public static class LoadReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Print(LoadResults r)
    {
        var run = r.Run;
        Line($"\n{run.Cores} cores, {run.Os}, {run.Runtime}; {run.Seconds} s per phase; load average {run.LoadAverageBefore} before, {run.LoadAverageAfter} after");
        Line($"{"",-26}{"turns/s",10}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}{"max ms",9}{"errors",8}{"cpu ms/turn",13}");
        Closed(r.ClosedBaseline);
        Closed(r.ClosedBot);
        Line($"{"  bot / baseline",-26}{r.BotToBaselineRatio,10:P1}");
        Open(r.OpenBaseline);
        Open(r.OpenBot);
        Line($"start-up: child (ReadyToRun publish) {r.ChildHost.FirstStartMs:F0} ms (new db), {r.ChildHost.RestartMs:F0} ms (restart); in-process Build→StartAsync {r.InProcessBuildToStartMs:F0} ms");
        Line($"child RSS (ReadyToRun publish): {r.ChildHost.IdleRssMb:F1} MB idle, {r.ChildHost.RssAfterTurnsMb:F1} MB after {r.ChildHost.TurnsBeforeSecondRss} turns");
        var p = r.Phases;
        Line($"one turn without HTTP, mean of {p.Turns}: {p.TurnMs:F2} ms (engine alone {p.EngineMs:F3} ms); one context+open+close {p.ContextOpenMs:F3} ms");
        Line($"EF Core per turn: {r.Database.Commands:F1} commands ({r.Database.CommandMs:F2} ms), {r.Database.ConnectionOpens:F1} connection opens, {r.Database.SaveChanges:F1} SaveChanges");
        Console.WriteLine();
        Line($"{"target",-38}{"measured",10}  {"wanted",-8}");
        foreach (var t in r.Targets)
        {
            Line($"{t.Measure,-38}{t.Value,10:F1}  {t.Target,-8}  {(t.Pass ? "PASS" : "MISS")}");
        }
    }

    /// <summary>
    /// One summary line, then the line scripts read (always last): ratio = bot turns/s ÷ bare endpoint turns/s in the
    /// same run, p99_500 = the bot's p99 in ms at the open loop's rate.
    /// </summary>
    public static void PrintSummary(LoadResults r)
    {
        Line($"summary: {r.Run.At:yyyy-MM-dd HH:mm}Z, {r.Run.Cores} cores, load average {r.Run.LoadAverageBefore}; bot {r.ClosedBot.TurnsPerSecond:F0} turns/s = {r.BotToBaselineRatio:P1} of the bare endpoint; p99 {r.OpenBot.Latency.P99Ms:F1} ms at {r.OpenBot.Rate}/s; idle {r.ChildHost.IdleRssMb:F1} MB; start-up {r.ChildHost.RestartMs:F0} ms; {r.Targets.Count(t => t.Pass)}/{r.Targets.Count} targets met");
        Line($"ratio={r.BotToBaselineRatio:F4} p99_500={r.OpenBot.Latency.P99Ms:F1}");
    }

    public static async Task<string> WriteJsonAsync(LoadResults results, CancellationToken ct)
    {
        var folder = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "load-results.json");
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, results, Json, ct);
        return path;
    }

    private static void Closed(ClosedLoopResult c) => Line(
        $"{$"closed {c.Target} ({c.Users} users)",-26}{c.TurnsPerSecond,10:F0}{c.Latency.P50Ms,9:F1}{c.Latency.P95Ms,9:F1}{c.Latency.P99Ms,9:F1}{c.Latency.MaxMs,9:F1}{c.Errors,8}{c.CpuMsPerTurn,13:F2}");

    private static void Open(OpenLoopResult o) => Line(
        $"{$"open {o.Target} @{o.Rate}/s",-26}{o.Completed / o.Seconds,10:F0}{o.Latency.P50Ms,9:F1}{o.Latency.P95Ms,9:F1}{o.Latency.P99Ms,9:F1}{o.Latency.MaxMs,9:F1}{o.Errors + o.NoIdleUser,8}  (generator late ≤ {o.MaxScheduleLagMs:F1} ms)");

    private static void Line(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));
}
