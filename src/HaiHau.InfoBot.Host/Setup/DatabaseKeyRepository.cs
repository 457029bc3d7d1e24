using System.Xml.Linq;
using HaiHau.InfoBot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.Setup;

/// <summary>
/// The Data Protection key ring (it signs the console's cookie and anti-forgery tokens) kept in the bot's own SQLite
/// file, so a restart, a new container or a published copy in another folder keeps every officer signed in (issue 14).
/// A table outside the EF model, created with IF NOT EXISTS like the append-only triggers, so it survives the
/// migrations being squashed. The keys are as secret as the database file, which already holds everything else.
/// </summary>
public sealed class DatabaseKeyRepository(IDbContextFactory<InfoBotDbContext> factory) : IXmlRepository
{
    private const string Create = "CREATE TABLE IF NOT EXISTS data_protection_keys (Id INTEGER PRIMARY KEY AUTOINCREMENT, FriendlyName TEXT NULL, Xml TEXT NOT NULL);";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = factory.CreateDbContext();
        db.Database.ExecuteSqlRaw(Create);
        return db.Database.SqlQueryRaw<string>("SELECT Xml AS Value FROM data_protection_keys ORDER BY Id").ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = factory.CreateDbContext();
        db.Database.ExecuteSqlRaw(Create);
        db.Database.ExecuteSql($"INSERT INTO data_protection_keys (FriendlyName, Xml) VALUES ({friendlyName}, {element.ToString(SaveOptions.DisableFormatting)})");
    }
}

/// <summary>Data Protection with the key ring in the database and one application name wherever the binaries run.</summary>
public static class DataProtectionSetup
{
    /// <summary>Fixed, not the content root (the default): a copy published to another folder reads the same cookies.</summary>
    public const string ApplicationName = "HaiHau.InfoBot";

    public static IServiceCollection AddInfoBotDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<DatabaseKeyRepository>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<DatabaseKeyRepository>((options, repository) => options.XmlRepository = repository);
        return services;
    }
}
