using Npgsql;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// A conversation's lock across hosts: a PostgreSQL session advisory lock keyed by a hash of (channel, chat id),
/// held on a connection of its own for the whole turn. The server computes the key (hashtextextended), so every host
/// agrees whatever its runtime. A host that dies loses its session and with it the lock; a connection returned to
/// Npgsql's pool is reset (DISCARD ALL), which releases it even if the unlock below never ran.
/// Two conversations may share a key (a 64-bit hash): they then only wait for each other, never mix.
/// </summary>
internal static class PostgresConversationLock
{
    public static async Task<IDisposable> AcquireAsync(string connectionString, string channel, string chatId, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended(@key, 0))", connection);
            command.Parameters.AddWithValue("key", channel + "\n" + chatId);
            await command.ExecuteNonQueryAsync(ct);
            return new Held(connection, channel + "\n" + chatId);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, string key) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended(@key, 0))", connection);
                command.Parameters.AddWithValue("key", key);
                command.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // The session is gone or broken: its locks went with it. Closing below finishes the job.
            }
            finally
            {
                connection.Dispose();
            }
        }
    }
}
