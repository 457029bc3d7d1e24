using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Storage;

namespace HaiHau.InfoBot.Host.Channels;

/// <summary>
/// Sends queued replies on every push channel through its adapter and stores each outcome (STYLE.md §2.2 step 3).
/// Each channel has its own loop: a Telegram outage or 429 never holds up Zalo. Waiting is on the injected
/// <see cref="TimeProvider"/>, so tests move time instead of sleeping.
/// </summary>
public sealed class OutboxWorker(
    IEnumerable<IChannelAdapter> adapters,
    OutboxDispatcher outbox,
    OutboxSignal signal,
    TimeProvider time,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    /// <summary>Rows sent at once per channel: different chats only, since each chat's replies go in order.</summary>
    public const int Parallelism = 4;

    /// <summary>Longest sleep without a wake-up: replies queued by the recovery sweep are picked up within this.</summary>
    public static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(30);

    /// <summary>Raised after each send's outcome is stored (tests wait on it instead of sleeping).</summary>
    public event Action<OutboxDelivery, SendResult>? Settled;

    /// <summary>
    /// Raised once the channel's loop has started waiting on the clock (a platform's retry-after, or until the next
    /// reply is due), with how long. Tests move a fake clock on it: moved earlier, the wait would not see it.
    /// </summary>
    public event Action<string, TimeSpan>? Paused;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(adapters.Select(a => RunChannelAsync(a, stoppingToken)));

    private async Task RunChannelAsync(IChannelAdapter adapter, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var (sent, wait) = await SendDueAsync(adapter, ct);
                if (sent is { } retryAfter)
                {
                    // The platform asked the bot to slow down: the whole channel waits, and new replies do not cut it short.
                    var pause = Task.Delay(retryAfter, time, ct);
                    Paused?.Invoke(adapter.Channel, retryAfter);
                    await pause;
                }
                else if (wait is { } idle)
                {
                    await WaitAsync(adapter.Channel, idle, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Channel} outbox loop failed; retrying", adapter.Channel);
                await Task.Delay(TimeSpan.FromSeconds(5), time, ct);
            }
        }
    }

    /// <summary>
    /// Sends one round of due replies. Returns the platform's requested pause when it asked for one; otherwise,
    /// when nothing was due, how long to sleep before looking again (null: look again at once).
    /// </summary>
    private async Task<(TimeSpan? RetryAfter, TimeSpan? Idle)> SendDueAsync(IChannelAdapter adapter, CancellationToken ct)
    {
        var due = await outbox.DueAsync(adapter.Channel, Parallelism, ct);
        if (due.Count == 0)
        {
            var next = await outbox.NextDueAtAsync(adapter.Channel, ct);
            var wait = next is null ? IdlePoll : next.Value - time.GetUtcNow();
            return (null, wait < TimeSpan.Zero ? TimeSpan.Zero : wait > IdlePoll ? IdlePoll : wait);
        }

        var results = await Task.WhenAll(due.Select(d => SendOneAsync(adapter, d, ct)));
        var retry = results.OfType<SendResult.RetryAfter>().Select(r => r.Delay).DefaultIfEmpty().Max();
        return (retry > TimeSpan.Zero ? retry : null, null);
    }

    private async Task<SendResult> SendOneAsync(IChannelAdapter adapter, OutboxDelivery delivery, CancellationToken ct)
    {
        if (await outbox.SkipIfUnreachableAsync(delivery.Id, ct))
        {
            var skipped = new SendResult.Unreachable("unreachable");
            Settled?.Invoke(delivery, skipped);
            return skipped;
        }

        SendResult result;
        try
        {
            result = await adapter.SendAsync(delivery.To, delivery.Message, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Adapters report platform errors as results; a throw is a fault on our side or the network's.
            result = new SendResult.Transient(ex.GetType().Name);
        }

        await outbox.RecordAsync(delivery.Id, result, ct);
        if (result is not SendResult.Sent)
        {
            logger.LogWarning("{Channel} outbox {OutboxId}: {Outcome}", adapter.Channel, delivery.Id, Describe(result));
        }

        Settled?.Invoke(delivery, result);
        return result;
    }

    private async Task WaitAsync(string channel, TimeSpan delay, CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var woken = signal.WaitAsync(channel, linked.Token);
        var timer = Task.Delay(delay, time, linked.Token);
        Paused?.Invoke(channel, delay);
        await Task.WhenAny(woken, timer);
        await linked.CancelAsync();
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
