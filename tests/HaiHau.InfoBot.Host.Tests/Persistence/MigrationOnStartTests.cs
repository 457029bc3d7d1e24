using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HaiHau.InfoBot.Host.Tests.Persistence;

/// <summary>
/// A restart skips EF Core's migration machinery when the database's newest migration is this build's newest
/// (issue 15: start-up CPU). An upgrade must still migrate: a database a previous release left one migration behind
/// gets the missing one at start, and its data stays.
/// </summary>
public sealed class MigrationOnStartTests
{
    [Fact]
    public async Task A_database_one_release_behind_is_migrated_at_start_and_a_current_one_is_left_as_it_is()
    {
        var ct = CancellationToken.None;
        using var temp = new TempDirectory();
        var options = new DbContextOptionsBuilder<InfoBotDbContext>();
        StorageSetup.Configure(options, $"Data Source={Path.Combine(temp.Path, "bot.db")}");
        await using var db = new InfoBotDbContext(options.Options);
        var all = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(all[^2], ct); // the previous release's schema

        await StorageSetup.MigrateAsync(db, ct);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync(ct));

        await StorageSetup.MigrateAsync(db, ct); // a restart: nothing to apply, nothing fails
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync(ct));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
    }
}
