using HaiHau.InfoBot.Storage;

namespace HaiHau.InfoBot.Host.Turns;

/// <summary>
/// Every 30 seconds (on the injected <see cref="TimeProvider"/>), finishes stored messages still pending: those a
/// webhook stored before its turn ran, or whose turn hit a fault. The processor skips what is already settled.
/// </summary>
public sealed class InboxRetryWorker : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly InboxStore _inbox;
    private readonly TurnProcessor _processor;
    private readonly ILogger<InboxRetryWorker> _logger;

    // Created here, not in ExecuteAsync: from .NET 10 that runs on its own task, and a tick due before it starts would be lost.
    private readonly PeriodicTimer _timer;

    public InboxRetryWorker(InboxStore inbox, TurnProcessor processor, TimeProvider time, ILogger<InboxRetryWorker> logger)
    {
        _inbox = inbox;
        _processor = processor;
        _logger = logger;
        _timer = new PeriodicTimer(Interval, time);
    }

    /// <summary>Raised after each sweep with how many messages it looked at (tests wait on it instead of sleeping).</summary>
    public event Action<int>? Swept;

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _timer.WaitForNextTickAsync(stoppingToken))
        {
            var count = 0;
            try
            {
                count = await StoreInitializer.RecoverAsync(_inbox, _processor, _logger, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "Inbox retry sweep failed");
            }

            Swept?.Invoke(count);
        }
    }
}
