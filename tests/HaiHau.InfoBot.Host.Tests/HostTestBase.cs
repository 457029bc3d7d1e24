using HaiHau.InfoBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace HaiHau.InfoBot.Host.Tests;

/// <summary>
/// A test class's own temp folder holding its real SQLite file, and apps over it: several apps created in turn
/// share the file, which is how tests play a restart.
/// </summary>
public abstract class HostTestBase : IDisposable
{
    protected TempDirectory Folder { get; } = new();

    private TestKit.Postgres.TestDatabase? _postgres;

    protected InfoBotApp NewApp(FakeTimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(Folder.SqliteConnectionString(), time ?? InfoBotApp.NewClock(), settings);

    /// <summary>
    /// An app on the given provider (tests marked [Theory, OnSqlite, OnPostgres]): SQLite in <see cref="Folder"/>, or one
    /// PostgreSQL database for the whole test, shared by the apps it creates in turn (a restart), as the file is.
    /// </summary>
    protected InfoBotApp NewApp(Storage.DatabaseProvider provider, FakeTimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var (connectionString, merged) = Database(provider, settings);
        return new(connectionString, time ?? InfoBotApp.NewClock(), merged);
    }

    /// <summary>The connection string and settings (provider included, <paramref name="settings"/> on top) for the provider's database.</summary>
    protected (string ConnectionString, IReadOnlyDictionary<string, string?> Settings) Database(
        Storage.DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        if (provider == Storage.DatabaseProvider.Sqlite)
        {
            return (Folder.SqliteConnectionString(), settings ?? new Dictionary<string, string?>());
        }

        _postgres ??= new TestKit.Postgres.TestDatabase(provider);
        var merged = new Dictionary<string, string?>(_postgres.Settings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return (_postgres.ConnectionString, merged);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _postgres?.Dispose();
            Folder.Dispose();
        }
    }
}
