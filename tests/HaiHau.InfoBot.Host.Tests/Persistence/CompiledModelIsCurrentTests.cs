using System.Globalization;
using System.Text;
using HaiHau.InfoBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace HaiHau.InfoBot.Host.Tests.Persistence;

/// <summary>
/// SQLite hosts run on the compiled model (src/HaiHau.InfoBot.Storage/CompiledModel, issue 15: less start-up work)
/// instead of building the model from <c>OnModelCreating</c> at each start. A model change without regenerating it
/// (regenerate-migration.sh does both) would let SQL and row mapping disagree with the migrated schema, so the
/// mapping that SQL depends on is compared with a model built from the code.
/// </summary>
public sealed class CompiledModelIsCurrentTests
{
    [Fact]
    public void The_compiled_model_maps_every_table_column_key_and_index_as_the_code_does()
    {
        using var compiled = Context(useCompiled: true);
        using var built = Context(useCompiled: false);

        Assert.NotSame(compiled.Model, built.Model);
        Assert.Equal(Mapping(built.Model), Mapping(compiled.Model));
    }

    private static InfoBotDbContext Context(bool useCompiled)
    {
        var options = new DbContextOptionsBuilder<InfoBotDbContext>();
        if (useCompiled)
        {
            StorageSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=:memory:");
        }
        else
        {
            options.UseSqlite("Data Source=:memory:");
        }

        return new InfoBotDbContext(options.Options); // no connection is opened: only the model is read
    }

    /// <summary>One line per table, column, key, index and foreign key, in a fixed order, so a difference reads plainly.</summary>
    private static string Mapping(IModel model)
    {
        var text = new StringBuilder();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName() ?? "(none)", entity.GetSchema());
            text.AppendLine(CultureInfo.InvariantCulture, $"{entity.Name} → {entity.GetTableName()}");
            foreach (var p in entity.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  {p.Name}: {p.GetColumnName(table)} {p.GetColumnType()} null={p.IsNullable} max={p.GetMaxLength()} gen={p.ValueGenerated} provider={(p.GetTypeMapping().Converter?.ProviderClrType ?? p.ClrType).Name} concurrency={p.IsConcurrencyToken}");
            }

            foreach (var k in entity.GetKeys())
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  key {string.Join(",", k.Properties.Select(p => p.Name))} primary={k.IsPrimaryKey()}");
            }

            foreach (var i in entity.GetIndexes().OrderBy(i => i.GetDatabaseName(), StringComparer.Ordinal))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  index {i.GetDatabaseName()} ({string.Join(",", i.Properties.Select(p => p.Name))}) unique={i.IsUnique} filter={i.GetFilter()}");
            }

            foreach (var f in entity.GetForeignKeys().OrderBy(f => f.GetConstraintName(), StringComparer.Ordinal))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  fk {f.GetConstraintName()} → {f.PrincipalEntityType.Name} on delete {f.DeleteBehavior}");
            }
        }

        return text.ToString();
    }
}
