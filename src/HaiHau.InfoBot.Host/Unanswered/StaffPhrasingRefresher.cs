namespace HaiHau.InfoBot.Host.Unanswered;

/// <summary>
/// Builds the understanding with staff's phrasings before the first conversation (after a restart they are still
/// taught), then looks every <see cref="Period"/> whether the rows changed behind the console's back: an erasure
/// («xóa dữ liệu của tôi») deleted a copied phrasing, or another process (a second host, a verb) added one.
/// The console's own changes do not wait for this: they rebuild at once.
/// </summary>
public sealed class StaffPhrasingRefresher(LiveUnderstanding understanding, TimeProvider time, ILogger<StaffPhrasingRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await understanding.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await understanding.RefreshAsync(stoppingToken))
                {
                    logger.LogInformation("Staff phrasings changed: the understanding was rebuilt");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The model in use keeps serving; the next tick tries again.
                logger.LogWarning(e, "Rebuilding the understanding with staff phrasings failed");
            }
        }
    }
}
