using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// INSERT and UPDATE commands for the model's rows as plain ADO.NET on the context's connection (issue 15: a web turn's
/// write without EF Core's change tracking and batch building). Everything that differs between SQLite and PostgreSQL
/// comes from EF itself, once per model: table and column names from the model, identifier quoting and parameter
/// placeholders from the provider's <see cref="ISqlGenerationHelper"/>, and each value's conversion (enums, the
/// DateTimeOffset-as-long convention) and parameter type from the property's own type mapping, as SaveChanges binds it.
/// So a row written here is the row EF would write, and no table or column name is typed a second time.
/// </summary>
internal sealed class ModelRows
{
    private static readonly ConditionalWeakTable<IModel, ModelRows> PerModel = [];

    private readonly IModel _model;
    private readonly ISqlGenerationHelper _sql;
    private readonly ConcurrentDictionary<Type, Table> _tables = new();
    private readonly ConcurrentDictionary<(Type Type, int Rows, bool Returning), string> _inserts = new();
    private readonly ConcurrentDictionary<(Type Type, string Columns), string> _updates = new();

    private ModelRows(IModel model, ISqlGenerationHelper sql) => (_model, _sql) = (model, sql);

    public static ModelRows For(InfoBotDbContext context) =>
        PerModel.GetValue(context.Model, model => new ModelRows(model, context.GetService<ISqlGenerationHelper>()));

    /// <summary>
    /// INSERT of <paramref name="rows"/> (all one type) in one statement, every mapped column but the generated key.
    /// With <paramref name="returnKey"/> (one row only) the statement ends in RETURNING the key, read by <see cref="Insert.ExecuteAsync"/>.
    /// </summary>
    public Insert InsertOf(DbConnection connection, IReadOnlyList<object> rows, bool returnKey)
    {
        if (rows.Count == 0 || (returnKey && rows.Count != 1))
        {
            throw new ArgumentException("One row or more; RETURNING is read for one row at a time, as a multi-row RETURNING gives no order to match rows by.", nameof(rows));
        }

        var type = rows[0].GetType();
        if (rows.Any(r => r.GetType() != type))
        {
            throw new ArgumentException("One INSERT writes rows of one type.", nameof(rows));
        }

        var table = TableOf(type);
        var command = connection.CreateCommand();
        command.CommandText = _inserts.GetOrAdd((type, rows.Count, returnKey), key => InsertSql(table, key.Rows, key.Returning));
        var insert = new Insert(command, table, [.. rows], returnKey);
        for (var r = 0; r < rows.Count; r++)
        {
            foreach (var column in table.Columns)
            {
                command.Parameters.Add(column.Parameter(command, _sql.GenerateParameterName(Name(r, column.Index)), rows[r]));
            }
        }

        return insert;
    }

    /// <summary>UPDATE of the named properties of one row, by its key.</summary>
    public DbCommand UpdateOf<T>(DbConnection connection, T row, params string[] properties)
        where T : class
    {
        var table = TableOf(typeof(T));
        var columns = properties.Select(table.Column).ToArray();
        var command = connection.CreateCommand();
        command.CommandText = _updates.GetOrAdd((typeof(T), string.Join(',', properties)), _ =>
            $"UPDATE {table.Name} SET {string.Join(", ", columns.Select(c => $"{c.Name} = {_sql.GenerateParameterNamePlaceholder(Name(0, c.Index))}"))} "
            + $"WHERE {table.Key.Name} = {_sql.GenerateParameterNamePlaceholder("k")}");
        foreach (var column in columns)
        {
            command.Parameters.Add(column.Parameter(command, _sql.GenerateParameterName(Name(0, column.Index)), row));
        }

        command.Parameters.Add(table.Key.Parameter(command, _sql.GenerateParameterName("k"), row));
        return command;
    }

    private string InsertSql(Table table, int rows, bool returning)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(table.Name).Append(" (")
            .AppendJoin(", ", table.Columns.Select(c => c.Name)).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (").AppendJoin(", ", table.Columns.Select(c => _sql.GenerateParameterNamePlaceholder(Name(r, c.Index)))).Append(')');
        }

        return (returning ? sql.Append(" RETURNING ").Append(table.Key.Name) : sql).ToString();
    }

    private static string Name(int row, int column) => string.Create(CultureInfo.InvariantCulture, $"p{row}_{column}");

    private Table TableOf(Type type) => _tables.GetOrAdd(type, t =>
    {
        var entity = _model.FindEntityType(t) ?? throw new InvalidOperationException($"{t.Name} is not in the model");
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()?.Properties.Single() ?? throw new InvalidOperationException($"{t.Name} has no single-column key");
        Column ColumnOf(IProperty p, int i) => p.IsShadowProperty()
            ? throw new InvalidOperationException($"{t.Name}.{p.Name} is a shadow property: a plain ADO write cannot read its value")
            : new Column(p, _sql.DelimitIdentifier(p.GetColumnName(store)!), (RelationalTypeMapping)p.GetTypeMapping(), i);
        var columns = entity.GetProperties().Where(p => p != key).Select(ColumnOf).ToArray();
        return new Table(_sql.DelimitIdentifier(store.Name, store.Schema), ColumnOf(key, -1), columns);
    });

    internal sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping, int Index)
    {
        private readonly IClrPropertyGetter _getter = Property.GetGetter();

        /// <summary>The parameter as SaveChanges makes it: the mapping converts the value and sets the provider's type.</summary>
        public DbParameter Parameter(DbCommand command, string name, object row) =>
            Mapping.CreateParameter(command, name, _getter.GetClrValueUsingContainingEntity(row), Property.IsNullable);

        public void Bind(DbParameter parameter, object row) =>
            parameter.Value = Mapping.Converter is { } converter
                ? converter.ConvertToProvider(_getter.GetClrValueUsingContainingEntity(row)) ?? DBNull.Value
                : _getter.GetClrValueUsingContainingEntity(row) ?? DBNull.Value;
    }

    internal sealed record Table(string Name, Column Key, Column[] Columns)
    {
        public Column Column(string property) => Columns.FirstOrDefault(c => c.Property.Name == property)
            ?? throw new InvalidOperationException($"{property} is not a written column of {Name}");
    }

    /// <summary>A prepared INSERT: its values can be bound again from the rows (an id learned inside the gate), then run.</summary>
    internal sealed class Insert(DbCommand command, Table table, object[] rows, bool returnKey) : IDisposable
    {
        /// <summary>Binds the property's value again from every row, after the caller set it on the rows.</summary>
        public void Rebind(string property)
        {
            var column = table.Column(property);
            for (var r = 0; r < rows.Length; r++)
            {
                column.Bind(command.Parameters[(r * table.Columns.Length) + column.Index], rows[r]);
            }
        }

        /// <summary>Runs in the context's current transaction; with RETURNING, the new key is set on the row and returned.</summary>
        public async Task<long> ExecuteAsync(InfoBotDbContext context, CancellationToken ct)
        {
            command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
            if (!returnKey)
            {
                return await command.ExecuteNonQueryAsync(ct);
            }

            var id = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            table.Key.Property.PropertyInfo!.SetValue(rows[0], id);
            return id;
        }

        public void Dispose() => command.Dispose();
    }
}
