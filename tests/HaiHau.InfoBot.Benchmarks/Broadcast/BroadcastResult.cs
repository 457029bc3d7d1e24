using HaiHau.InfoBot.Benchmarks.Load;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Benchmarks.Broadcast;

/// <summary>
/// One broadcast run's figures. The rate is the platform's view: admitted sends between the first send call and the
/// last admitted one, (n − 1) / span, so a steady stream at r/s measures r whatever its length.
/// </summary>
public sealed record BroadcastResult(
    string Key,
    string Channel,
    int Residents,
    int CapPerWindow,
    double WindowSeconds,
    double CapPerSecond,
    double BotRate,
    int Sent,
    int Pending,
    int Failed,
    int SendCalls,
    int RefusedInFirstSecond,
    int RefusedAfterFirstSecond,
    double FanOutSeconds,
    double SendingSeconds,
    double TotalSeconds,
    double AchievedPerSecond,
    double RatioToCap,
    int Cores,
    string LoadAverageAfter)
{
    public bool Complete => Sent == Residents && Pending == 0;

    /// <summary>The bar: at least 95% of the cap, and no refusal once the first second is over.</summary>
    public bool Pass => Complete && RatioToCap >= 0.95 && RefusedAfterFirstSecond == 0;

    public static BroadcastResult From(
        BroadcastOptions options, IReadOnlyList<CappedCall> calls, BroadcastProgress progress, DateTimeOffset scheduledAt, TimeSpan fanOut, TimeSpan total)
    {
        var first = calls.Count > 0 ? calls[0].At : scheduledAt;
        var admitted = calls.Where(c => c.Admitted).ToList();
        var span = admitted.Count > 1 ? (admitted[^1].At - first).TotalSeconds : 0;
        var rate = span > 0 ? (admitted.Count - 1) / span : 0;
        var refused = calls.Where(c => !c.Admitted).ToList();
        return new BroadcastResult(
            options.Key,
            options.Channel,
            options.Residents,
            options.CapPerWindow,
            options.Window.TotalSeconds,
            options.CapPerSecond,
            options.BotRate,
            progress.Sent,
            progress.Pending,
            progress.Failed,
            calls.Count,
            refused.Count(c => c.At < first.AddSeconds(1)),
            refused.Count(c => c.At >= first.AddSeconds(1)),
            fanOut.TotalSeconds,
            span,
            total.TotalSeconds,
            rate,
            rate / options.CapPerSecond,
            Environment.ProcessorCount,
            RunInfo.LoadAverage());
    }
}
