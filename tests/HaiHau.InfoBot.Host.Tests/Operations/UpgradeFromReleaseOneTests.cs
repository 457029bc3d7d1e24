using HaiHau.InfoBot.Host.Reach;
using HaiHau.InfoBot.Host.Tests.Cli;
using HaiHau.InfoBot.Storage.Operations;
using HaiHau.InfoBot.Storage.Reach;
using HaiHau.InfoBot.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Operations;

/// <summary>
/// testdata/release-1.db was made by the first release (only the Initial migration applied; see
/// <see cref="ReleaseOneFixtureWriter"/>). Today's host must migrate it at start without losing a row.
/// </summary>
public sealed class UpgradeFromReleaseOneTests : HostTestBase
{
    public static string Fixture => Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Host.Tests", "Operations", "testdata", "release-1.db");

    [Fact]
    public async Task Todays_host_migrates_the_first_releases_database_at_start_keeping_every_row_and_the_reports_work()
    {
        var file = OperationsData.FileOf(Folder.SqliteConnectionString());
        File.Copy(Fixture, file);
        var before = await OperationsData.CountRowsAsync(file);

        using (var app = NewApp())
        {
            var reach = await app.Services.GetRequiredService<ReachReport>().RunAsync(
                new ReachQuery(new DateOnly(2022, 9, 1), new DateOnly(2022, 9, 30), 2022, null), ["hai-an"], CancellationToken.None);
            var haiAn = reach.Communes.Single(c => c.Commune == "hai-an");
            Assert.Equal((1, 1, 1), (haiAn.Poor, haiAn.NearPoor, haiAn.ReachedPoor));
        }

        SqliteConnection.ClearAllPools();
        var after = await OperationsData.CountRowsAsync(file);
        Assert.All(before.Where(t => t.Key != "__EFMigrationsHistory"), t => Assert.True(after[t.Key] == t.Value, $"{t.Key}: {t.Value} before, {after[t.Key]} after"));
        Assert.Null(await SqliteBackup.CheckAsync(file, CancellationToken.None)); // sound, and every applied migration is one this release knows
        Assert.Equal(SqliteBackup.KnownMigrations().Count, after["__EFMigrationsHistory"]); // all of today's migrations applied at start

        var (validate, _, problems) = await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["validate"]);
        Assert.True(validate == 0, problems);
        var (report, csv, error) = await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["report", "reach", "--from", "2022-09-01", "--to", "2022-09-30"]);
        Assert.True(report == 0, error);
        Assert.Contains("Xã Hải An,1,1,2,1,0,1,50.0", csv, StringComparison.Ordinal);
    }
}

/// <summary>
/// Wrote testdata/release-1.db once, on 2/12/2026, from the code whose only migration was Initial (the released schema).
/// Do not run it again after a model change: the fixture must stay what the first release made. It runs only when
/// INFOBOT_WRITE_RELEASE_FIXTURE=1 is set; otherwise it does nothing.
/// </summary>
public sealed class ReleaseOneFixtureWriter : HostTestBase
{
    [Fact]
    public async Task Write_the_release_one_fixture_when_asked()
    {
        if (Environment.GetEnvironmentVariable("INFOBOT_WRITE_RELEASE_FIXTURE") != "1")
        {
            return;
        }

        Assert.Equal(["20261125201342_Initial"], SqliteBackup.KnownMigrations());
        using (var app = NewApp())
        {
            await OperationsData.SeedAsync(app, conversations: 2);
        }

        var (code, _, error) = await ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["db", "backup", UpgradeFromReleaseOneTests.Fixture]);
        Assert.True(code == 0, error);
        await using var connection = new SqliteConnection($"Data Source={UpgradeFromReleaseOneTests.Fixture};Pooling=False");
        await connection.OpenAsync();
        using var vacuum = connection.CreateCommand();
        vacuum.CommandText = "VACUUM;"; // smallest file to keep in the repository
        await vacuum.ExecuteNonQueryAsync();
    }
}
