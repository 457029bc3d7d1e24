using HaiHau.InfoBot.Storage;

namespace HaiHau.InfoBot.Host.Channels;

/// <summary>
/// Passes other hosts' wake-ups (<see cref="DatabaseWakeups"/>) to this host's loops. On a lost connection it listens
/// again after a pause; meanwhile the loops still look on their own every 30 seconds. Does nothing on SQLite.
/// </summary>
public sealed class WakeupListener(DatabaseWakeups wakeups, OutboxSignal signal, TimeProvider time, ILogger<WakeupListener> logger) : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (wakeups.Enabled && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await wakeups.ListenAsync(signal.WakeHere, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Listening for other hosts' wake-ups failed, again in {Seconds} s: {Error}", Pause.TotalSeconds, ex.GetType().Name);
                await Task.Delay(Pause, time, stoppingToken);
            }
        }
    }
}
