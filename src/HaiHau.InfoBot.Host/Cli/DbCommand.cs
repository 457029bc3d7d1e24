using System.CommandLine;
using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Operations;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>
/// "db backup FILE" copies the live SQLite database while the bot runs; "db restore FILE [--force]" checks a backup
/// (integrity, not from a newer release) and puts it in place of the configured database while the bot is stopped.
/// </summary>
public static class DbCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var backupFile = new Argument<FileInfo>("FILE") { Description = "Where to write the copy (e.g. backups/infobot-2026-12-02.db)." };
        var backup = new Command("backup", "A consistent copy of the database, safe while the bot runs.") { TreatUnmatchedTokensAsErrors = false };
        backup.Arguments.Add(backupFile);
        backup.SetAction((parse, ct) => ReportAsync(
            SqliteBackup.BackupAsync(ConnectionString(parse), parse.GetRequiredValue(backupFile).FullName, ct), output, error));

        var restoreFile = new Argument<FileInfo>("FILE") { Description = "A copy made by 'db backup'." };
        var force = new Option<bool>("--force") { Description = "Replace an existing database (stop the bot first)." };
        var restore = new Command("restore", "Checks a backup and puts it in place of the database. The bot must be stopped.") { TreatUnmatchedTokensAsErrors = false };
        restore.Arguments.Add(restoreFile);
        restore.Options.Add(force);
        restore.SetAction((parse, ct) => ReportAsync(
            SqliteBackup.RestoreAsync(ConnectionString(parse), parse.GetRequiredValue(restoreFile).FullName, parse.GetValue(force), ct), output, error));

        var migrate = new Command("migrate", "Applies the schema to the configured database (SQLite or PostgreSQL) and exits; safe while other hosts run.") { TreatUnmatchedTokensAsErrors = false };
        migrate.SetAction(async (parse, ct) =>
        {
            var configuration = CliConfiguration.Build(parse);
            var options = new DbContextOptionsBuilder<InfoBotDbContext>();
            DatabaseSettings.Configure(options, configuration);
            await using var db = new InfoBotDbContext(options.Options);
            await StorageSetup.MigrateAsync(db, ct);
            await output.WriteLineAsync($"Database migrated ({DatabaseSettings.Provider(configuration).ToString().ToLowerInvariant()}).");
            return 0;
        });

        return new Command("db", "Backup and restore of the bot's SQLite database; migrate for either provider.") { backup, restore, migrate };
    }

    private static string ConnectionString(ParseResult parse) =>
        CliConfiguration.Build(parse).GetConnectionString("InfoBot") ?? InfoBotServices.DefaultConnectionString;

    private static async Task<int> ReportAsync(Task<BackupOutcome> run, TextWriter output, TextWriter error)
    {
        var outcome = await run;
        await (outcome.Ok ? output : error).WriteLineAsync(outcome.Message);
        return outcome.Ok ? 0 : 1;
    }
}
