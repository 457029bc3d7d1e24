using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaiHau.InfoBot.Benchmarks.Broadcast;

/// <summary>The run's figures on the console, and in BenchmarkDotNet.Artifacts/broadcast-results.json under the run's key (other runs' entries are kept).</summary>
public static class BroadcastReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Print(BroadcastResult r)
    {
        Line($"\n{r.Channel}: {r.Residents} residents, cap {r.CapPerWindow} per {r.WindowSeconds:0.#} s ({r.CapPerSecond:F2}/s), bot paced at {r.BotRate}/s; {r.Cores} cores, load average after {r.LoadAverageAfter}");
        Line($"  sent {r.Sent}, failed {r.Failed}, pending {r.Pending}; {r.SendCalls} send calls");
        Line($"  fan-out {r.FanOutSeconds:F1} s; sending {r.SendingSeconds:F1} s (first call to last accepted); total {r.TotalSeconds:F1} s (scheduled to all settled)");
        Line($"  achieved {r.AchievedPerSecond:F2} msgs/s = {r.RatioToCap:P1} of the cap");
        Line($"  refused ({(r.Channel == "telegram" ? "429" : "-32")}): {r.RefusedInFirstSecond} in the first second, {r.RefusedAfterFirstSecond} after it");
        Line($"  target ≥ 95% of the cap, no refusal after the first second: {(r.Pass ? "PASS" : "MISS")}");
    }

    public static async Task<string> WriteJsonAsync(BroadcastResult result, CancellationToken ct)
    {
        var folder = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "broadcast-results.json");
        var all = File.Exists(path) ? JsonNode.Parse(await File.ReadAllTextAsync(path, ct)) as JsonObject ?? [] : [];
        all[result.Key] = JsonSerializer.SerializeToNode(result with { }, Json);
        all[result.Key]!["pass"] = result.Pass;
        await File.WriteAllTextAsync(path, all.ToJsonString(Json), ct);
        return path;
    }

    private static void Line(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));
}
