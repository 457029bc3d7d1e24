using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Operations;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Operations;

/// <summary>
/// Checkpoints SQLite's write-ahead log five times a second while the bot writes (<see cref="WalCheckpoint"/>: the copy
/// and its sync happen here, not in a turn's COMMIT); a moment with nothing written through the gate is skipped.
/// Often, so each copy is small: once a second, the copy of a second's turns at 500 turns/s held the writer's file
/// long enough to take the p99 of a turn from 12-14 ms to 30-32 ms (`load --quick`, 4 December 2026); at 200 ms
/// it was 8.5-17 ms. A failure is logged and tried again next time; the connections' own backstop still bounds the log.
/// </summary>
public sealed class WalCheckpointWorker(
    IConfiguration configuration, IDbContextFactory<InfoBotDbContext> factory, SqliteWriteGate writes, TimeProvider time, ILogger<WalCheckpointWorker> logger)
    : BackgroundService
{
    /// <summary>
    /// Also about how long a power cut may take back commits that a killed process would keep (synchronous=NORMAL syncs
    /// the log at a checkpoint): SQLite's own checkpoint came every 1,000 pages, which is hours at a commune's pace.
    /// </summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Setup.DatabaseSettings.IsPostgres(configuration))
        {
            return; // PostgreSQL checkpoints on its own, off the sessions' path
        }

        var checkpointed = writes.Writes;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, time, stoppingToken);
            var written = writes.Writes;
            if (written == checkpointed)
            {
                continue;
            }

            checkpointed = written;
            try
            {
                await using var db = await factory.CreateDbContextAsync(stoppingToken);
                var result = await WalCheckpoint.PassiveAsync(db, stoppingToken);
                if (result.Busy)
                {
                    logger.LogDebug("WAL checkpoint busy: {Checkpointed} of {Frames} frames copied", result.CheckpointedFrames, result.LogFrames);
                }
            }
            catch (System.Data.Common.DbException e)
            {
                logger.LogWarning(e, "WAL checkpoint failed; trying again in {Interval}", Interval);
            }
        }
    }
}
