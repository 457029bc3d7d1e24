using System.Globalization;
using HaiHau.InfoBot.Core.Delivery;
using HaiHau.InfoBot.Storage.Operations;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.Operations;

/// <summary>
/// Once a day at <see cref="BackupOptions.TimeOfDay"/> (Vietnam time) copies the live database into the backup folder
/// as infobot-yyyyMMdd-HHmmss.db and deletes all but the newest <see cref="BackupOptions.Keep"/> such copies.
/// A failed night is logged and tried again the next night; the bot keeps serving.
/// </summary>
public sealed class NightlyBackup(IOptions<BackupOptions> options, IConfiguration configuration, TimeProvider time, ILogger<NightlyBackup> logger)
    : BackgroundService
{
    private const string Prefix = "infobot-";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Folder) || Setup.DatabaseSettings.IsPostgres(configuration))
        {
            // PostgreSQL is backed up by its own tools (pg_dump, base backups), not by copying a file.
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            await Task.Delay(NextRun(now, settings.TimeOfDay) - now, time, stoppingToken);
            try
            {
                await RunOnceAsync(settings, stoppingToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                logger.LogError(e, "Nightly backup into {Folder} failed", settings.Folder);
            }
        }
    }

    /// <summary>The first moment after <paramref name="now"/> at <paramref name="timeOfDay"/> in Vietnam time.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeSpan timeOfDay)
    {
        var local = TimeZoneInfo.ConvertTime(now, QuietHours.VietnamZone);
        var candidate = new DateTimeOffset(local.Date + timeOfDay, local.Offset);
        return candidate > now ? candidate : candidate.AddDays(1); // Vietnam has no daylight saving: a day is 24 hours
    }

    private async Task RunOnceAsync(BackupOptions settings, CancellationToken ct)
    {
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), QuietHours.VietnamZone);
        var file = Path.Combine(settings.Folder, Prefix + local.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".db");
        var outcome = await SqliteBackup.BackupAsync(DatabaseFile.ConnectionString(configuration), file, ct);
        if (!outcome.Ok)
        {
            logger.LogError("Nightly backup failed: {Problem}", outcome.Message);
            return;
        }

        // The names sort by time; only files this job wrote are counted or deleted.
        foreach (var old in Directory.GetFiles(settings.Folder, Prefix + "????????-??????.db").OrderDescending(StringComparer.Ordinal).Skip(settings.Keep))
        {
            File.Delete(old);
        }

        logger.LogInformation("Nightly backup written to {File}", file);
    }
}
