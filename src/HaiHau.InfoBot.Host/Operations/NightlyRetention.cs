using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.Operations;

/// <summary>
/// Once a day at <see cref="RetentionOptions.TimeOfDay"/> (Vietnam time) applies <see cref="RetentionPurge"/> and
/// records the run in the audit log (shown on /admin/audit). A failed night is logged and tried again the next night.
/// </summary>
public sealed class NightlyRetention(
    IOptions<RetentionOptions> options, IDbContextFactory<InfoBotDbContext> factory, SqliteWriteGate writes, TimeProvider time, ILogger<NightlyRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            await Task.Delay(NightlyBackup.NextRun(now, settings.TimeOfDay) - now, time, stoppingToken);
            try
            {
                await using var db = await factory.CreateDbContextAsync(stoppingToken);
                var outcome = await writes.WriteAsync(
                    () => RetentionPurge.RunAsync(db, time.GetUtcNow(), settings.MessageTextDays, settings.UnansweredTextDays, stoppingToken), stoppingToken);
                logger.LogInformation("Retention: texts of {Conversations} conversations ({Messages} messages) and {Unanswered} unanswered questions purged",
                    outcome.Conversations, outcome.Messages, outcome.Unanswered);
            }
            catch (DbUpdateException e)
            {
                logger.LogError(e, "Retention run failed");
            }
            catch (System.Data.Common.DbException e)
            {
                logger.LogError(e, "Retention run failed");
            }
        }
    }
}
