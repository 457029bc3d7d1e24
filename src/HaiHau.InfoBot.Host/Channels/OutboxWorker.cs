using System.Collections.Concurrent;
using System.Globalization;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Core.Delivery;
using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.Storage;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.Channels;

/// <summary>
/// Sends queued replies on every push channel through its adapter and stores each outcome (STYLE.md §2.2 step 3).
/// Each channel has its own loop: a Telegram outage or 429 never holds up Zalo. Waiting is on the injected
/// <see cref="TimeProvider"/>, so tests move time instead of sleeping.
/// </summary>
public sealed class OutboxWorker(
    IEnumerable<IChannelAdapter> adapters,
    OutboxDispatcher outbox,
    OutboxLeases leases,
    HostRoles roles,
    OutboxSignal signal,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    /// <summary>Longest sleep without a wake-up: replies queued by the recovery sweep are picked up within this.</summary>
    public static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _asleep = new(StringComparer.Ordinal);

    /// <summary>Raised after each send's outcome is stored (tests wait on it instead of sleeping).</summary>
    public event Action<OutboxDelivery, SendResult>? Settled;

    /// <summary>Raised when a channel's loop has set its timer and sleeps until the given time (tests move the fake clock then).</summary>
    public event Action<string, DateTimeOffset>? Asleep;

    /// <summary>Until when the channel's loop sleeps, or null while it works.</summary>
    public DateTimeOffset? AsleepUntil(string channel) => _asleep.TryGetValue(channel, out var until) ? until : null;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delivery = options.Value;
        var quiet = new QuietHours(
            TimeOnly.ParseExact(delivery.QuietHoursStart, "HH:mm", CultureInfo.InvariantCulture),
            TimeOnly.ParseExact(delivery.QuietHoursEnd, "HH:mm", CultureInfo.InvariantCulture),
            TimeZoneInfo.FindSystemTimeZoneById(delivery.TimeZone));
        return Task.WhenAll(adapters.Select(a => RunChannelAsync(a, new ChannelPacer(delivery.RateFor(a.Channel), quiet, time.GetUtcNow()), stoppingToken)));
    }

    private async Task RunChannelAsync(IChannelAdapter adapter, ChannelPacer pacer, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                // One sender per channel among several hosts (PostgreSQL), so together they keep the platform's rate.
                var role = await roles.HoldAsync(HostRoles.Sender(adapter.Channel), ct);
                if (role == RoleHold.Elsewhere)
                {
                    await SleepAsync(adapter.Channel, time.GetUtcNow() + HostRoles.Retry, wakeable: false, ct);
                    continue;
                }

                if (role == RoleHold.Taken && await leases.TakeOverAsync(adapter.Channel, ct) is > 0 and var inFlight)
                {
                    logger.LogWarning("{Channel}: {Count} send(s) were in flight when the previous sender stopped; they are sent again", adapter.Channel, inFlight);
                }

                var (retryAfter, wakeAt) = await SendDueAsync(adapter, pacer, ct);
                if (retryAfter is { } pause)
                {
                    // The platform asked the bot to slow down: the whole channel waits, and new replies do not cut it short.
                    pacer.Throttled(time.GetUtcNow());
                    await SleepAsync(adapter.Channel, time.GetUtcNow() + pause, wakeable: false, ct);
                }
                else if (wakeAt is { } until)
                {
                    await SleepAsync(adapter.Channel, until, wakeable: true, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Channel} outbox loop failed; retrying", adapter.Channel);
                await SleepAsync(adapter.Channel, time.GetUtcNow() + TimeSpan.FromSeconds(5), wakeable: false, ct);
            }
        }
    }

    /// <summary>
    /// Sends one round of due replies within the channel's pacing. Returns the platform's requested pause when it
    /// asked for one; otherwise when to look again (null: at once).
    /// </summary>
    private async Task<(TimeSpan? RetryAfter, DateTimeOffset? WakeAt)> SendDueAsync(IChannelAdapter adapter, ChannelPacer pacer, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var bulk = pacer.BulkAllowed(now);
        // More rows than one batch: announcements held by their chat's spacing must not hide the sendable ones behind them.
        var due = await outbox.DueAsync(adapter.Channel, pacer.Parallelism * 8, bulk, ct);
        if (due.Count == 0)
        {
            var next = await outbox.NextDueAtAsync(adapter.Channel, bulk, ct) ?? now + IdlePoll;
            if (!bulk)
            {
                next = Min(next, pacer.QuietEndsAt(now)); // announcements resume when the night ends
            }

            return (null, Min(next, now + IdlePoll));
        }

        var (picked, held) = pacer.Pick(due, now);
        if (picked.Count == 0)
        {
            return (null, now + held);
        }

        // Marked in flight before the platform call; rows another host claimed first are its to send (OutboxLeases).
        var claimed = await leases.ClaimAsync(picked.Select(d => d.Id).ToList(), ct);
        var batch = picked.Where(d => claimed.Contains(d.Id)).ToList();

        // From here the round is finished and recorded even while the host stops (the stopping token is not passed on):
        // a send cut off after the platform took it, but before we recorded it, would be sent again after the restart.
        ct.ThrowIfCancellationRequested();
        var skipped = await outbox.SkipUnreachableAsync(batch.Select(d => d.Id).ToList(), CancellationToken.None);
        var settled = await Task.WhenAll(batch.Where(d => !skipped.Contains(d.Id)).Select(d => SendOneAsync(adapter, d)));
        // One write for the round's outcomes: per-send writes queued the turns behind them on SQLite's single writer.
        await outbox.RecordAllAsync(settled.Select(s => (s.Delivery.Id, s.Result)).ToList(), CancellationToken.None);

        var skippedAt = time.GetUtcNow();
        foreach (var delivery in batch.Where(d => skipped.Contains(d.Id)))
        {
            pacer.Answered(skippedAt);
            Settled?.Invoke(delivery, new SendResult.Unreachable("unreachable"));
        }

        foreach (var (delivery, result, answeredAt) in settled)
        {
            pacer.Answered(answeredAt); // here, not in the sends: the pacer belongs to this loop alone
            if (result is not SendResult.Sent)
            {
                logger.LogWarning("{Channel} outbox {OutboxId}: {Outcome}", adapter.Channel, delivery.Id, Describe(result));
            }

            Settled?.Invoke(delivery, result);
        }

        var retry = settled.Select(s => s.Result).OfType<SendResult.RetryAfter>().Select(r => r.Delay).DefaultIfEmpty().Max();
        return (retry > TimeSpan.Zero ? retry : null, null);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>
    /// Sends one row. Once started it is finished whatever the host does (no cancellation), so its outcome can be recorded.
    /// Returns the outcome and when the platform's answer came back (what the pacer's one-second window counts from).
    /// </summary>
    private async Task<(OutboxDelivery Delivery, SendResult Result, DateTimeOffset AnsweredAt)> SendOneAsync(IChannelAdapter adapter, OutboxDelivery delivery)
    {
        SendResult result;
        var trace = Telemetry.SendTrace.Start(delivery);
        try
        {
            result = await adapter.SendAsync(delivery.To, delivery.Message, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Adapters report platform errors as results; a throw is a fault on our side or the network's.
            result = new SendResult.Transient(ex.GetType().Name);
        }

        Telemetry.SendTrace.End(trace, result);
        return (delivery, result, time.GetUtcNow());
    }

    /// <summary>Sleeps on the injected clock; a wake-up (new replies) cuts it short unless the platform asked for the pause.</summary>
    private async Task SleepAsync(string channel, DateTimeOffset until, bool wakeable, CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // The delay is taken from the clock now, not when the time was chosen: the clock may have moved since.
        var delay = until - time.GetUtcNow();
        var timer = delay > TimeSpan.Zero ? Task.Delay(delay, time, linked.Token) : Task.CompletedTask;
        _asleep[channel] = until;
        Asleep?.Invoke(channel, until);
        try
        {
            await (wakeable ? Task.WhenAny(signal.WaitAsync(channel, linked.Token), timer) : timer);
        }
        finally
        {
            _asleep.TryRemove(channel, out _);
            await linked.CancelAsync();
        }

        ct.ThrowIfCancellationRequested();
    }

    private static string Describe(SendResult result) => result switch
    {
        SendResult.RetryAfter r => $"retry after {r.Delay.TotalSeconds:0.#} s ({r.Reason})",
        SendResult.Transient t => "transient: " + t.Error,
        SendResult.Unreachable u => "unreachable: " + u.Reason,
        SendResult.Failed f => "failed: " + f.Error,
        _ => result.GetType().Name,
    };
}
