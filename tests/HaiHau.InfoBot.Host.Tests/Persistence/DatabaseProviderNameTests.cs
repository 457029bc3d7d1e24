using HaiHau.InfoBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Persistence;

/// <summary>
/// <see cref="DatabaseProviders.IsPostgres"/> compares EF Core's provider name instead of calling Npgsql's IsNpgsql()
/// (so a SQLite host never loads Npgsql): if Npgsql renamed its provider, every PostgreSQL-only statement (triggers,
/// advisory locks, claims) would silently take the SQLite path.
/// </summary>
public sealed class DatabaseProviderNameTests
{
    [Fact]
    public void A_context_on_postgres_is_seen_as_postgres_and_one_on_sqlite_is_not()
    {
        using var postgres = Context(DatabaseProvider.Postgres, "Host=localhost;Database=none");
        using var sqlite = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");

        Assert.True(postgres.IsPostgres());
        Assert.True(postgres.Database.IsNpgsql());
        Assert.False(sqlite.IsPostgres());
    }

    private static InfoBotDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<InfoBotDbContext>();
        StorageSetup.Configure(options, provider, connectionString);
        return new InfoBotDbContext(options.Options); // no connection is opened: only the provider is asked
    }
}
