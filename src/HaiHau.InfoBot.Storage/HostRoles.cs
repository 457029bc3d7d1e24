using System.Collections.Concurrent;
using System.Data.Common;
using Npgsql;

namespace HaiHau.InfoBot.Storage;

/// <summary>What <see cref="HostRoles.HoldAsync"/> found.</summary>
public enum RoleHold
{
    /// <summary>Another host has the role: do not do its work now, ask again after <see cref="HostRoles.Retry"/>.</summary>
    Elsewhere,

    /// <summary>This host had the role already.</summary>
    Held,

    /// <summary>This host has just taken the role (its previous holder stopped or lost its database session).</summary>
    Taken,
}

/// <summary>
/// Work only one host may do at a time among several on PostgreSQL (issue 16): polling Telegram (getUpdates allows one
/// poller), sending on a channel (one sender per channel, so the hosts together keep the platform's rate limit), and
/// fanning out announcements. A role is a PostgreSQL session advisory lock (pg_try_advisory_lock on a hash of its name)
/// held on a connection of its own. A host that dies loses its session and with it the role; another host takes it
/// the next time it asks, within <see cref="Retry"/>. Each ask checks that the connection still works, so a host that
/// lost its session stops doing the role's work at its next round.
/// With one SQLite file there is one host: every role is always held here, and nothing changes.
/// </summary>
public sealed class HostRoles(string? postgresConnectionString) : IAsyncDisposable
{
    /// <summary>How often a host without a role asks for it: the longest a role stays unserved after its holder died.</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);

    /// <summary>The role that polls Telegram's getUpdates.</summary>
    public const string TelegramPolling = "telegram-polling";

    /// <summary>The role that fans out announcements.</summary>
    public const string Announcements = "announcements";

    private static readonly Task<RoleHold> HeldHere = Task.FromResult(RoleHold.Held);

    // DbConnection, not NpgsqlConnection, and the PostgreSQL work in its own method: the runtime loads Npgsql when it
    // prepares code naming its types, and a SQLite host (which builds this and asks for roles) never needs it (issue 15).
    private readonly ConcurrentDictionary<string, DbConnection> _held = new(StringComparer.Ordinal);

    /// <summary>The role that sends a channel's outbox.</summary>
    public static string Sender(string channel) => "sender:" + channel;

    /// <summary>Whether this host has <paramref name="role"/> now, taking it if it is free. Each role is asked by one loop.</summary>
    public Task<RoleHold> HoldAsync(string role, CancellationToken ct) =>
        postgresConnectionString is null ? HeldHere : HoldOnPostgresAsync(postgresConnectionString, role, ct);

    private async Task<RoleHold> HoldOnPostgresAsync(string connectionString, string role, CancellationToken ct)
    {
        if (_held.TryGetValue(role, out var mine))
        {
            if (await AliveAsync(mine, ct))
            {
                return RoleHold.Held;
            }

            // The session is gone, and the lock with it: another host may have the role already.
            _held.TryRemove(role, out _);
            await mine.DisposeAsync();
        }

        // Not pooled: the lock lives as long as this physical connection, which must not be handed to anything else.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 15 }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended(@role, 0))", connection);
            command.Parameters.AddWithValue("role", "infobot-role:" + role);
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                _held[role] = connection;
                return RoleHold.Taken;
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The database is unreachable: no role; the caller asks again later.
        }

        await connection.DisposeAsync();
        return RoleHold.Elsewhere;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _held.Values)
        {
            await ReleaseAsync(connection);
            await connection.DisposeAsync(); // closing the session releases its locks too, but only when the server gets to it
        }

        _held.Clear();
    }

    /// <summary>
    /// Lets go of this session's roles before the session closes: a host that stops hands its roles over at once. Closed,
    /// the server ends the session a moment after the client returns, and another host asking right then still found the
    /// role held (PostgreSQL CI, HostRolesTests); it took it only at its next round.
    /// </summary>
    private static async Task ReleaseAsync(DbConnection connection)
    {
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT pg_advisory_unlock_all()";
            await command.ExecuteScalarAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The session is gone already, and its locks with it.
        }
    }

    private static async Task<bool> AliveAsync(DbConnection connection, CancellationToken ct)
    {
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(ct);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return false;
        }
    }
}
