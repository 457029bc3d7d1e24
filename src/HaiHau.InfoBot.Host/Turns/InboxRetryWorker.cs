using HaiHau.InfoBot.Storage;

namespace HaiHau.InfoBot.Host.Turns;

/// <summary>
/// Retries stored messages whose turn failed (a bug or a locked database), on a timer from the injected
/// <see cref="TimeProvider"/>; the processor gives up after three attempts and apologises to the resident.
/// </summary>
public sealed class InboxRetryWorker(InboxStore inbox, TurnProcessor processor, TimeProvider time, ILogger<InboxRetryWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await StoreInitializer.RecoverAsync(inbox, processor, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Inbox retry sweep failed");
            }
        }
    }
}
