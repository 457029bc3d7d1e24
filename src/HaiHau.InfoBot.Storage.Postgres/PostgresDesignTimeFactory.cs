using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HaiHau.InfoBot.Storage.Postgres;

/// <summary>
/// Lets `dotnet ef migrations add --project src/HaiHau.InfoBot.Storage.Postgres` build the model for PostgreSQL.
/// Adding a migration never connects, so the connection string only has to parse.
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<InfoBotDbContext>
{
    public InfoBotDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<InfoBotDbContext>();
        StorageSetup.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=infobot_design");
        return new InfoBotDbContext(options.Options);
    }
}
