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

    /// <summary>True when the context talks to PostgreSQL: the SQL that differs (triggers, locks, claims) asks this.</summary>
    public static bool IsPostgres(this InfoBotDbContext db) => db.Database.IsNpgsql();
}
