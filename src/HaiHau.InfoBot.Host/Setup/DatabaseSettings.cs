using HaiHau.InfoBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Setup;

/// <summary>
/// The database as configured: <c>InfoBot:Database:Provider</c> (sqlite, the default, or postgres) and
/// <c>ConnectionStrings:InfoBot</c> (a SQLite file by default; PostgreSQL needs one given).
/// </summary>
public static class DatabaseSettings
{
    public static DatabaseProvider Provider(IConfiguration configuration) =>
        DatabaseProviders.Parse(configuration[DatabaseProviders.SettingKey]);

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("InfoBot")
        ?? (Provider(configuration) == DatabaseProvider.Postgres
            ? throw new InvalidOperationException("InfoBot:Database:Provider is postgres: set ConnectionStrings:InfoBot (Host=…;Database=…;Username=…).")
            : InfoBotServices.DefaultConnectionString);

    public static void Configure(DbContextOptionsBuilder options, IConfiguration configuration) =>
        StorageSetup.Configure(options, Provider(configuration), ConnectionString(configuration));

    public static bool IsPostgres(IConfiguration configuration) => Provider(configuration) == DatabaseProvider.Postgres;
}
