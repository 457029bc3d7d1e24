using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Postgres;
using Npgsql;

namespace HaiHau.InfoBot.Host.Tests.Persistence;

/// <summary>
/// On PostgreSQL a conversation's turns are ordered across hosts by a database lock (issue 16): while one host runs a
/// turn of a conversation, no other host can take it; the next one gets it as soon as the first lets go.
/// </summary>
public sealed class ConversationLockAcrossHostsTests
{
    [Theory, OnPostgres]
    public async Task A_second_host_waits_for_the_conversation_until_the_first_releases_it(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        using var hostA = new ConversationLocks(database.ConnectionString);
        using var hostB = new ConversationLocks(database.ConnectionString);

        var heldByA = await hostA.AcquireAsync("zalo", "resident-1", CancellationToken.None);
        var otherConversation = await hostB.AcquireAsync("zalo", "resident-2", CancellationToken.None); // not blocked
        var lockedWhileAHolds = !await TryLockAsync(database.ConnectionString, "zalo\nresident-1");
        var waitingB = hostB.AcquireAsync("zalo", "resident-1", CancellationToken.None);
        var bWaited = !waitingB.IsCompleted;
        heldByA.Dispose();
        using var heldByB = await waitingB.WaitAsync(TimeSpan.FromSeconds(30));
        otherConversation.Dispose();

        Assert.True(lockedWhileAHolds);
        Assert.True(bWaited);
        Assert.False(await TryLockAsync(database.ConnectionString, "zalo\nresident-1")); // now B holds it
    }

    /// <summary>Whether a third session could take the conversation's lock now (it lets go at once if so).</summary>
    private static async Task<bool> TryLockAsync(string connectionString, string key)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended(@key, 0))", connection);
        command.Parameters.AddWithValue("key", key);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
