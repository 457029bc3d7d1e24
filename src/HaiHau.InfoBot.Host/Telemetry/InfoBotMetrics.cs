using System.Diagnostics;
using System.Diagnostics.Metrics;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Telemetry;

/// <summary>
/// The bot's own instruments, read by an operator's Prometheus/Grafana through /metrics (InfoBot:Telemetry:Metrics):
/// turns by channel and outcome, their duration, sends by route and outcome, Zalo token refreshes, and the depth of
/// the inbox and outbox queues. Names follow OpenTelemetry's conventions; Prometheus shows them with underscores
/// (infobot_turns_total).
/// </summary>
public sealed class InfoBotMetrics : IDisposable
{
    public const string MeterName = "HaiHau.InfoBot";

    /// <summary>
    /// The source of the "turn" and "send" activities, for any tracing listener (the OTLP exporter behind
    /// InfoBot:Telemetry:Traces, dotnet-trace). Their tags name a channel and an outcome, never a resident or a text.
    /// </summary>
    public static readonly ActivitySource Activities = new(MeterName);

    // The counters live on one process-wide meter: a second host in the same process (tests) would otherwise publish
    // instruments of the same name, and an OpenTelemetry provider keeps the first of such duplicates, not its own.
    private static readonly Meter Counting = new(MeterName);
    private static readonly Counter<long> TurnsCounter = Counting.CreateCounter<long>("infobot.turns", "{turn}", "Turns run, by channel and outcome");
    private static readonly Histogram<double> TurnDuration = Counting.CreateHistogram<double>("infobot.turn.duration", "s", "Time to run and store one turn");
    private static readonly Counter<long> Sends = Counting.CreateCounter<long>("infobot.sends", "{message}", "Push sends settled, by route and outcome");
    private static readonly Counter<long> TokenRefreshes = Counting.CreateCounter<long>("infobot.zalo.token_refreshes", "{refresh}", "Zalo access-token refresh calls, by result");

    // The queue depths read this host's store, so their gauge belongs to this host's meter (disposed with it).
    private readonly Meter _store;

    public InfoBotMetrics(IMeterFactory meters, IDbContextFactory<InfoBotDbContext> store)
    {
        _store = meters.Create(MeterName);
        var depths = new QueueDepths(store);
        _store.CreateObservableGauge("infobot.queue.depth", depths.Observe, "{message}", "Messages waiting: inbox (turns not run) and outbox (replies not sent), by channel");
    }

    public void TurnRun(string channel, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "channel", channel }, { "outcome", outcome } };
        TurnsCounter.Add(1, tags);
        TurnDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void SendSettled(string route, SendResult result) =>
        Sends.Add(1, new TagList { { "route", route }, { "outcome", Outcome(result) } });

    public void TokenRefreshed(string result) => TokenRefreshes.Add(1, new TagList { { "result", result } });

    public void Dispose() => _store.Dispose();

    internal static string Outcome(SendResult result) => result switch
    {
        SendResult.Sent => "sent",
        SendResult.RetryAfter => "retry_after",
        SendResult.Transient => "transient",
        SendResult.Unreachable => "unreachable",
        _ => "failed",
    };

    /// <summary>Counted when scraped (every 15–60 s), on indexed columns; a failing store shows no depth rather than a wrong one.</summary>
    private sealed class QueueDepths(IDbContextFactory<InfoBotDbContext> store)
    {
        public List<Measurement<long>> Observe()
        {
            try
            {
                using var db = store.CreateDbContext();
                var inbox = db.Inbox.Where(i => i.Status == InboxStatus.Pending).GroupBy(i => i.Channel).Select(g => new { g.Key, Count = g.LongCount() }).ToList();
                var outbox = db.Outbox.Where(o => o.Status == OutboxStatus.Pending).GroupBy(o => o.Channel).Select(g => new { g.Key, Count = g.LongCount() }).ToList();
                return inbox.Select(i => new Measurement<long>(i.Count, new("queue", "inbox"), new("channel", i.Key)))
                    .Concat(outbox.Select(o => new Measurement<long>(o.Count, new("queue", "outbox"), new("channel", o.Key))))
                    .ToList();
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                return [];
            }
        }
    }
}
