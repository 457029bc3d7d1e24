using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// Lets `dotnet ef migrations add` and `dotnet ef dbcontext optimize` build the context without starting the host.
/// It builds the model from the code (<c>OnModelCreating</c>), never from the compiled model the hosts start on:
/// the tools must see a model change, and `optimize` must not copy a stale compiled model into a new one.
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<InfoBotDbContext>
{
    public InfoBotDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<InfoBotDbContext>();
        options.UseSqlite("Data Source=design.db");
        return new InfoBotDbContext(options.Options);
    }
}
