using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// Where the bot keeps its data: one SQLite file (the embedded default, for one commune or a trial) or PostgreSQL
/// (several hosts behind a load balancer, issue 16). One model for both; each has its own migrations.
/// </summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseProviders
{
    /// <summary>The setting that chooses the provider: <c>InfoBot:Database:Provider</c> = sqlite | postgres.</summary>
    public const string SettingKey = "InfoBot:Database:Provider";

    /// <summary>The assembly holding the PostgreSQL migrations (SQLite's stay in this one).</summary>
    public const string PostgresMigrationsAssembly = "HaiHau.InfoBot.Storage.Postgres";

    public static DatabaseProvider Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"{SettingKey} must be 'sqlite' or 'postgres', not '{value}'."),
    };

    /// <summary>EF Core's name for the PostgreSQL provider (its assembly's name), what <c>IsNpgsql()</c> compares with.</summary>
    public const string PostgresProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>
    /// True when the context talks to PostgreSQL: the SQL that differs (triggers, locks, claims) asks this. The name is
    /// compared here rather than through Npgsql's <c>IsNpgsql()</c>, which would load Npgsql's provider into every SQLite
    /// host at its first migration check (issue 15); <c>DatabaseProviderTests</c> hold the two equal.
    /// </summary>
    public static bool IsPostgres(this InfoBotDbContext db) => db.Database.ProviderName == PostgresProviderName;
}
