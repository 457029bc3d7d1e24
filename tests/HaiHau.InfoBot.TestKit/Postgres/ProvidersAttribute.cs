using System.Reflection;
using HaiHau.InfoBot.Storage;
using Xunit.Sdk;

namespace HaiHau.InfoBot.TestKit.Postgres;

/// <summary>
/// Theory data: the test once on SQLite. Pair with <see cref="OnPostgresAttribute"/> to run it on both providers.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.Sqlite]];
}

/// <summary>
/// Theory data: the test once on PostgreSQL (a throw-away cluster, <see cref="PostgresCluster"/>). Skipped with the
/// reason when the binaries are missing, except in CI (CI=true), where the test runs and fails: CI must test both.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute()
    {
        if (PostgresCluster.MissingReason is { } reason && !PostgresCluster.InCi)
        {
            Skip = reason;
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.Postgres]];
}

/// <summary>A fresh database of either provider for one test: a SQLite file in a temp folder, or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly TempDirectory _folder = new();

    public TestDatabase(DatabaseProvider provider)
    {
        Provider = provider;
        ConnectionString = provider == DatabaseProvider.Postgres ? PostgresCluster.Instance.CreateDatabase() : _folder.SqliteConnectionString();
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The host settings that point the bot at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [DatabaseProviders.SettingKey] = Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
        ["ConnectionStrings:InfoBot"] = ConnectionString,
    };

    public void Dispose()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        _folder.Dispose();
    }
}
