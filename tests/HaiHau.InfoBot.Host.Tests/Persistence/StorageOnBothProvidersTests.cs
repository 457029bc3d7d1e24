using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Postgres;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Persistence;

/// <summary>
/// What SQLite enforces with raw SQL holds on PostgreSQL through its twins (issue 16): history cannot be rewritten, the
/// schema is applied once however many hosts start together, and a turn's replies are replayed, not re-run.
/// </summary>
public sealed class StorageOnBothProvidersTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_audit_log_cannot_be_changed_or_deleted(DatabaseProvider provider)
    {
        using var store = new StoreHarness(provider: provider);
        await new AuditLog(store.Factory, store.Writes, store.Time).AppendAsync(new AuditEntry("o1", "officer@test", AuditActions.AccountCreated), CancellationToken.None);
        await using var db = await store.Factory.CreateDbContextAsync();

        var update = await Record.ExceptionAsync(() => db.AuditLog.ExecuteUpdateAsync(u => u.SetProperty(a => a.Actor, "someone else")));
        var delete = await Record.ExceptionAsync(() => db.AuditLog.ExecuteDeleteAsync());

        Assert.Contains("append-only", update?.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete?.Message, StringComparison.Ordinal);
        Assert.Equal("officer@test", await db.AuditLog.Select(a => a.Actor).SingleAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Hosts_starting_together_migrate_once_and_all_start(DatabaseProvider provider)
    {
        using var store = new StoreHarness(provider: provider); // migrated once already

        var starts = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var db = await store.Factory.CreateDbContextAsync();
            await StorageSetup.MigrateAsync(db, CancellationToken.None);
        }));
        await Task.WhenAll(starts);

        await using var check = await store.Factory.CreateDbContextAsync();
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
        Assert.Equal(
            await check.Database.GetAppliedMigrationsAsync(),
            check.Database.GetMigrations());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_message_sent_again_gets_the_same_replies_and_runs_no_second_turn(DatabaseProvider provider)
    {
        using var store = new StoreHarness(provider: provider);
        await store.TurnAsync(null, isStart: true);

        var first = await store.TurnAsync(null, payload: "bhyt", externalId: "same");
        store.Restart();
        var again = await store.TurnAsync(null, payload: "bhyt", externalId: "same");

        Assert.NotEmpty(first);
        Assert.Equal(first.Select(r => r.Text), again.Select(r => r.Text));
        await using var db = await store.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.Inbox.CountAsync(i => i.ExternalId == "same"));
    }
}
