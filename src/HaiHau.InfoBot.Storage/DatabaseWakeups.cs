using Npgsql;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// Wake-ups between hosts on PostgreSQL (issue 16): a host that queued replies or an announcement NOTIFYs, and every
/// host LISTENs, so the host holding the channel's sender role sends at once instead of at its next 30-second look.
/// A lost notification only costs that delay: the senders still look on their own. SQLite (one host): nothing to do.
/// </summary>
public sealed class DatabaseWakeups(string? postgresConnectionString)
{
    /// <summary>The PostgreSQL notification channel; the payload is the wake key (a channel's name, or the scheduler's).</summary>
    public const string Topic = "infobot_wake";

    public bool Enabled => postgresConnectionString is not null;

    /// <summary>Tells every host (this one included) to wake <paramref name="key"/>.</summary>
    public async Task PublishAsync(string key, CancellationToken ct)
    {
        if (postgresConnectionString is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(postgresConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_notify(@topic, @key)", connection);
        command.Parameters.AddWithValue("topic", Topic);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Listens until <paramref name="ct"/> ends, calling <paramref name="wake"/> with each key; throws when the connection fails.</summary>
    public async Task ListenAsync(Action<string> wake, CancellationToken ct)
    {
        if (postgresConnectionString is null)
        {
            return;
        }

        // Not pooled: LISTEN belongs to this session, which must not be handed to anything else.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgresConnectionString) { Pooling = false, KeepAlive = 15 }.ConnectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) => wake(e.Payload);
        await using (var command = new NpgsqlCommand($"LISTEN {Topic}", connection))
        {
            await command.ExecuteNonQueryAsync(ct);
        }

        while (!ct.IsCancellationRequested)
        {
            await connection.WaitAsync(ct);
        }
    }
}
