using Microsoft.Extensions.Options;
using HaiHau.InfoBot.Storage.Listings;

namespace HaiHau.InfoBot.Host.Turns;

/// <summary>
/// Reloads the listings snapshot now and then, so a file imported with the command line beside a running bot shows
/// within the interval. Reading two small tables is cheap; there is no change signal across processes to wait on.
/// </summary>
public sealed class ListingRefreshWorker : BackgroundService
{
    private readonly ListingSnapshot _snapshot;
    private readonly ILogger<ListingRefreshWorker> _logger;
    private readonly PeriodicTimer _timer;

    public ListingRefreshWorker(ListingSnapshot snapshot, TimeProvider time, IOptions<Setup.ListingOptions> options, ILogger<ListingRefreshWorker> logger)
    {
        _snapshot = snapshot;
        _logger = logger;
        // Made here, not in ExecuteAsync: .NET 10 runs ExecuteAsync on its own task, after a fake clock may have moved.
        _timer = new PeriodicTimer(options.Value.RefreshInterval, time);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await _snapshot.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Could not refresh the job and course listings; keeping the previous ones");
            }
        }
    }

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }
}
