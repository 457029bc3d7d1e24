using HaiHau.InfoBot.Storage.Reach;

namespace HaiHau.InfoBot.Host.Reach;

/// <summary>
/// Once the host is up (after migrations, with /health answering), reads the reach log into the report's memory in
/// the background (<see cref="ReachReport.WarmUpAsync"/>), so the first report staff open after a restart does not
/// pay for reading a million rows. Start-up does not wait for it; a failure only costs the first report its speed.
/// It stops with the host (ApplicationStopping): no token source of its own to outlive or dispose. On a SQLite file the
/// rows it holds are kept on disk beside the database (<see cref="ReachReport.KeepAsync"/> when the host stops, and after
/// the warm-up), so the next start reads only the rows that came after (issue 15).
/// </summary>
public sealed class ReachWarmUp(ReachReport report, IHostApplicationLifetime lifetime, ILogger<ReachWarmUp> logger) : IHostedService
{
    private Task _running = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _running = Task.Run(RunAsync));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // stopping: the warm-up is abandoned
        }

        try
        {
            // The next start then reads only the rows after these (ReachRowsFile) instead of the whole log.
            await report.KeepAsync(cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // stopping in a hurry, or the host's services are already gone (tests dispose hosts at once)
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Keeping the reach report's rows for the next start failed; it will read the log");
        }
    }

    private async Task RunAsync()
    {
        var stopping = lifetime.ApplicationStopping;
        try
        {
            var rows = await report.WarmUpAsync(stopping);
            logger.LogDebug("Reach report warmed up with {Rows} counted rows", rows);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException)
        {
            // the host was disposed while the warm-up ran (tests stop hosts at once): nothing to warm any more
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Reading the reach log ahead of the first report failed; the first report will read it");
        }
    }
}
