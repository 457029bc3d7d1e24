using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Storage;

namespace HaiHau.InfoBot.Host.Channels;

/// <summary>
/// Runs the turns of stored push-channel messages, each chat's in arrival order, then wakes the channel's sender.
/// One loop per lane of <see cref="PendingTurns"/>: a chat's turns one after another, different chats' side by side.
/// </summary>
public sealed class InboxWorker(
    PendingTurns queue,
    TurnProcessor processor,
    IEnumerable<IChannelAdapter> adapters,
    OutboxSignal outbox,
    Telemetry.InfoBotMetrics metrics,
    ILogger<InboxWorker> logger) : BackgroundService
{
    /// <summary>Raised after each message's turn is settled (tests wait on it instead of sleeping).</summary>
    public event Action<StoredMessage>? Processed;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var byChannel = adapters.ToDictionary(a => a.Channel, StringComparer.Ordinal);
        return Task.WhenAll(Enumerable.Range(0, PendingTurns.Lanes).Select(lane => RunLaneAsync(lane, byChannel, stoppingToken)));
    }

    private async Task RunLaneAsync(int lane, Dictionary<string, IChannelAdapter> byChannel, CancellationToken stoppingToken)
    {
        await foreach (var stored in queue.ReadAllAsync(lane, stoppingToken))
        {
            using var turn = Telemetry.TurnTelemetry.Start(metrics, stored.Message.From.Channel);
            try
            {
                var settled = await processor.ProcessAsync(stored.Message, stoppingToken);
                turn.Done(settled ? Telemetry.TurnTelemetry.Answered : Telemetry.TurnTelemetry.StillPending);
                outbox.Wake(stored.Message.From.Channel);
                if (byChannel.TryGetValue(stored.Message.From.Channel, out var adapter))
                {
                    await AcknowledgeAsync(adapter, stored, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Still pending in the inbox: the retry sweep runs it again.
                logger.LogError(ex, "Turn for inbox {InboxId} failed; the retry sweep will take it", stored.InboxId);
            }

            Processed?.Invoke(stored);
        }
    }

    private async Task AcknowledgeAsync(IChannelAdapter adapter, StoredMessage stored, CancellationToken ct)
    {
        try
        {
            await adapter.AfterStoredAsync(stored.Message, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("{Channel} acknowledgement for inbox {InboxId} failed: {Error}", adapter.Channel, stored.InboxId, ex.GetType().Name);
        }
    }
}
