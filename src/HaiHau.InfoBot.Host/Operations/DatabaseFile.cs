using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.Storage.Operations;

namespace HaiHau.InfoBot.Host.Operations;

/// <summary>The configured SQLite connection string and file, as the store opens them.</summary>
public static class DatabaseFile
{
    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("InfoBot") ?? InfoBotServices.DefaultConnectionString;

    public static string Path(IConfiguration configuration) => SqliteBackup.DatabasePath(ConnectionString(configuration));
}
