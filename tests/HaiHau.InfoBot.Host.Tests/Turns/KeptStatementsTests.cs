using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace HaiHau.InfoBot.Host.Tests.Turns;

/// <summary>
/// On SQLite a turn's INSERTs and UPDATEs are prepared once per physical connection and kept (issue 15: parsing and
/// planning them again was a sizeable part of a web turn). Kept statements must neither pile up with the turns (memory
/// that grows until the host is restarted) nor outlive the connection they belong to (a turn failing after SQLite's pool
/// let a connection go, as a backup or restore makes it). Run alone: SQLite's connection pools are process-wide, and
/// another class clearing them (backups, health) between two readings would change what is counted.
/// </summary>
[Collection(Health.MetricsAlone.Name)]
public sealed class KeptStatementsTests
{
    // The same walk again and again (menu → topic → article → back), so every turn's write has a shape seen before.
    private static readonly string?[] Walk = ["bhyt", "ngheo", "no", null];

    [Fact]
    public async Task A_turn_s_statements_are_kept_on_the_connection_and_do_not_grow_with_the_turns()
    {
        using var store = new StoreHarness();
        await store.TurnAsync(null, isStart: true);
        await WalkAsync(store, rounds: 3);
        var first = KeptStatementBytes(store.ConnectionString);
        // Taking every pooled connection at once reorders the pool: the next turns may run on one that had none yet.
        await WalkAsync(store, rounds: 3);
        var kept = KeptStatementBytes(store.ConnectionString);

        await WalkAsync(store, rounds: 10);

        // Prepared and kept: with statements prepared per turn and disposed with the command, nothing stays.
        Assert.True(first > 0, "no statement is kept on the pooled connections");
        // Reused, not added to: forty more turns of the same shapes keep the same statements.
        Assert.Equal(kept, KeptStatementBytes(store.ConnectionString));
        await using var db = await store.Factory.CreateDbContextAsync();
        Assert.Equal(1 + (16 * Walk.Length), await db.Inbox.CountAsync(i => i.Status == InboxStatus.Done));
    }

    [Fact]
    public async Task Turns_are_written_after_the_pool_lets_its_connections_go()
    {
        using var store = new StoreHarness();
        await store.TurnAsync(null, isStart: true);
        await WalkAsync(store, rounds: 1);

        // What a backup's restore or an idle prune does: the handles holding the kept statements are closed.
        SqliteConnection.ClearAllPools();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var topic = await store.TurnAsync(null, payload: "bhyt", externalId: "after-clear");

        Assert.NotEmpty(topic);
        await using var db = await store.Factory.CreateDbContextAsync();
        var message = await db.Inbox.SingleAsync(i => i.ExternalId == "after-clear");
        Assert.Equal(InboxStatus.Done, message.Status);
        Assert.Equal(topic.Select(r => r.Id), await db.Outbox.Where(o => o.InboxId == message.Id).OrderBy(o => o.Sequence).Select(o => o.Id).ToListAsync());
    }

    private static async Task WalkAsync(StoreHarness store, int rounds)
    {
        for (var i = 0; i < rounds * Walk.Length; i++)
        {
            var choice = Walk[i % Walk.Length];
            Assert.NotEmpty(await store.TurnAsync(choice is null ? "menu" : null, payload: choice));
        }
    }

    /// <summary>
    /// Heap that SQLite's prepared statements hold on every pooled connection of the file: all of them are taken at
    /// once (the pool hands out its idle ones before it opens new ones), read, and given back.
    /// </summary>
    private static long KeptStatementBytes(string connectionString)
    {
        var connections = Enumerable.Range(0, 8).Select(_ => new SqliteConnection(connectionString)).ToList();
        try
        {
            long bytes = 0;
            foreach (var connection in connections)
            {
                connection.Open();
                Assert.Equal(raw.SQLITE_OK, raw.sqlite3_db_status(connection.Handle!, raw.SQLITE_DBSTATUS_STMT_USED, out var used, out _, 0));
                bytes += used;
            }

            return bytes;
        }
        finally
        {
            connections.ForEach(c => c.Dispose());
        }
    }
}
