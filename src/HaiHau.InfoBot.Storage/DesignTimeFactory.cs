using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HaiHau.InfoBot.Storage;

/// <summary>Lets `dotnet ef migrations add` build the context without starting the host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<InfoBotDbContext>
{
    public InfoBotDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<InfoBotDbContext>();
        StorageSetup.Configure(options, "Data Source=design.db");
        return new InfoBotDbContext(options.Options);
    }
}
