using HaiHau.InfoBot.Storage.Operations;

namespace HaiHau.InfoBot.Host.Operations;

/// <summary>
/// Holds the database's lock file while the bot serves, so `db restore` refuses to replace a database in use.
/// Not taking it is only a warning: a second process on the same file (a test, the terminal chat) is allowed.
/// </summary>
public sealed class DatabaseLockHolder(IConfiguration configuration, ILogger<DatabaseLockHolder> logger) : IHostedService, IDisposable
{
    private IDisposable? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Setup.DatabaseSettings.IsPostgres(configuration))
        {
            return Task.CompletedTask; // no file to restore over: PostgreSQL has its own tools (pg_dump, pg_restore)
        }

        var path = DatabaseFile.Path(configuration);
        _lock = DatabaseLock.TryAcquire(path);
        if (_lock is null)
        {
            logger.LogWarning("Another process holds {LockFile}: is a second bot running on the same database?", DatabaseLock.PathFor(path));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
