using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
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
    private readonly ConcurrentDictionary<(Type Type, int Rows, bool Returning, bool SkipDuplicate), string> _inserts = new();
    private readonly ConcurrentDictionary<(Type Type, string Columns), string> _updates = new();

    private ModelRows(IModel model, ISqlGenerationHelper sql) => (_model, _sql) = (model, sql);

    /// <summary>The provider's quoting and placeholders (<see cref="RowQuery{T}"/> writes its SELECTs with them).</summary>
    internal ISqlGenerationHelper Sql => _sql;

    public static ModelRows For(InfoBotDbContext context) =>
        PerModel.GetValue(context.Model, model => new ModelRows(model, context.GetService<ISqlGenerationHelper>()));

    /// <summary>
    /// INSERT of <paramref name="rows"/> (all one type) in one statement, every mapped column but the generated key.
    /// With <paramref name="returnKey"/> (one row only) the statement ends in RETURNING the key, read by <see cref="Insert.ExecuteAsync"/>.
    /// With <paramref name="skipDuplicate"/> a row that would break a unique index is not written and raises nothing
    /// (ON CONFLICT DO NOTHING, the same words on SQLite and PostgreSQL); with <paramref name="returnKey"/> its key then reads 0.
    /// </summary>
    public Insert InsertOf(DbConnection connection, IReadOnlyList<object> rows, bool returnKey, bool skipDuplicate = false)
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
        var sql = _inserts.GetOrAdd((type, rows.Count, returnKey, skipDuplicate), key => InsertSql(table, key.Rows, key.Returning, key.SkipDuplicate));
        var bindings = new List<(Column, string, object)>(rows.Count * table.Columns.Length);
        for (var r = 0; r < rows.Count; r++)
        {
            bindings.AddRange(table.Columns.Select(column => (column, Name(r, column.Index), rows[r])));
        }

        return new Insert(RowCommand.Create(connection, sql, bindings, _sql), table, [.. rows], returnKey);
    }

    /// <summary>UPDATE of the named properties of one row, by its key.</summary>
    public RowCommand UpdateOf<T>(DbConnection connection, T row, params string[] properties)
        where T : class
    {
        var table = TableOf(typeof(T));
        var columns = properties.Select(table.Column).ToArray();
        var sql = _updates.GetOrAdd((typeof(T), string.Join(',', properties)), _ =>
            $"UPDATE {table.Name} SET {string.Join(", ", columns.Select(c => $"{c.Name} = {_sql.GenerateParameterNamePlaceholder(Name(0, c.Index))}"))} "
            + $"WHERE {table.Key.Name} = {_sql.GenerateParameterNamePlaceholder("k")}");
        return RowCommand.Create(connection, sql, [.. columns.Select(c => (c, Name(0, c.Index), (object)row)), (table.Key, "k", row)], _sql);
    }

    private string InsertSql(Table table, int rows, bool returning, bool skipDuplicate)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(table.Name).Append(" (")
            .AppendJoin(", ", table.Columns.Select(c => c.Name)).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (").AppendJoin(", ", table.Columns.Select(c => _sql.GenerateParameterNamePlaceholder(Name(r, c.Index)))).Append(')');
        }

        if (skipDuplicate)
        {
            sql.Append(" ON CONFLICT DO NOTHING");
        }

        return (returning ? sql.Append(" RETURNING ").Append(table.Key.Name) : sql).ToString();
    }

    private static string Name(int row, int column) => string.Create(CultureInfo.InvariantCulture, $"p{row}_{column}");

    internal Table TableOf(Type type) => _tables.GetOrAdd(type, t =>
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
        // Made on first use: EF compiles a getter from an expression tree (a JIT-compiled method per property), and the
        // reads (RowQuery) use the same columns without ever getting a value from a row.
        private IClrPropertyGetter? _getter;

        private IClrPropertyGetter Getter => _getter ??= Property.GetGetter();

        private System.Reflection.MethodInfo? _reader;

        /// <summary>The reader's typed getter for the stored value (as EF's materializer calls it); looked up once per column.</summary>
        public System.Reflection.MethodInfo ReaderMethod => _reader ??= Mapping.GetDataReaderMethod();

        /// <summary>The parameter as SaveChanges makes it: the mapping converts the value and sets the provider's type.</summary>
        public DbParameter Parameter(DbCommand command, string name, object row) =>
            Mapping.CreateParameter(command, name, Getter.GetClrValueUsingContainingEntity(row), Property.IsNullable);

        /// <summary>The value as the database stores it: the model's conversion applied (DateTimeOffset as a long, enums as numbers).</summary>
        public object? ProviderValue(object row) => ToStored(Getter.GetClrValueUsingContainingEntity(row));

        /// <summary>A property's value as the database stores it.</summary>
        public object? ToStored(object? value) => Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;

        /// <summary>A stored value (as the reader's typed getter gives it) converted back to the property's type; null stays null.</summary>
        public object? FromStored(object? value) => value is not null && Mapping.Converter is { } converter ? converter.ConvertFromProvider(value) : value;
    }

    internal sealed record Table(string Name, Column Key, Column[] Columns)
    {
        public Column Column(string property) => Columns.FirstOrDefault(c => c.Property.Name == property)
            ?? throw new InvalidOperationException($"{property} is not a written column of {Name}");

        /// <summary>Any mapped column, the key included (a query may filter or order by it).</summary>
        public Column AnyColumn(string property) => Key.Property.Name == property ? Key : Column(property);

        private Column[]? _all;
        private string? _selectList;
        private bool? _readBySqlite;

        /// <summary>Whether every column is read by a kept SQLite statement (<see cref="SqliteStatements.Reads"/>).</summary>
        public bool ReadBySqlite => _readBySqlite ??= All.All(c => SqliteStatements.Reads(c.ReaderMethod.ReturnType));

        /// <summary>The key, then every other column: what a row read whole selects (<see cref="RowQuery{T}"/>), built once.</summary>
        public Column[] All => _all ??= [Key, .. Columns];

        /// <summary><see cref="All"/>'s names as a SELECT lists them.</summary>
        public string SelectList => _selectList ??= string.Join(", ", All.Select(c => c.Name));
    }

    /// <summary>A prepared INSERT: its values can be bound again from the rows (an id learned inside the gate), then run.</summary>
    internal sealed class Insert(RowCommand command, Table table, object[] rows, bool returnKey) : IDisposable
    {
        /// <summary>Binds the property's value again from every row, after the caller set it on the rows.</summary>
        public void Rebind(string property)
        {
            var column = table.Column(property);
            for (var r = 0; r < rows.Length; r++)
            {
                command.Rebind((r * table.Columns.Length) + column.Index, column, rows[r]);
            }
        }

        /// <summary>
        /// Runs in the context's current transaction; with RETURNING, the new key is set on the row and returned (0 when
        /// the row was skipped as a duplicate: keys start at 1).
        /// </summary>
        public async Task<long> ExecuteAsync(InfoBotDbContext context, CancellationToken ct)
        {
            var result = await command.ExecuteAsync(context, returnKey, ct);
            if (returnKey)
            {
                table.Key.Property.PropertyInfo!.SetValue(rows[0], result);
            }

            return result;
        }

        public void Dispose() => command.Dispose();
    }

    /// <summary>
    /// One statement and its values. On SQLite it runs through the statement kept on the physical connection
    /// (<see cref="SqliteStatements"/>: parsed and planned once, not on every turn); on PostgreSQL, or for a value the
    /// kept statement does not bind, as an ADO command whose parameters the type mappings make, as SaveChanges does.
    /// </summary>
    internal sealed class RowCommand : IDisposable
    {
        private readonly DbCommand? _command;
        private readonly string _sql;
        private readonly object?[] _values;

        private RowCommand(DbCommand? command, string sql, object?[] values) =>
            (_command, _sql, _values) = (command, sql, values);

        public static RowCommand Create(DbConnection connection, string sql, IReadOnlyList<(Column Column, string Name, object Row)> bindings, ISqlGenerationHelper names)
        {
            if (connection is SqliteConnection)
            {
                var values = bindings.Select(b => b.Column.ProviderValue(b.Row)).ToArray();
                if (values.All(SqliteStatements.Binds))
                {
                    return new RowCommand(null, sql, values);
                }
            }

            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (column, name, row) in bindings)
            {
                command.Parameters.Add(column.Parameter(command, names.GenerateParameterName(name), row));
            }

            return new RowCommand(command, sql, []);
        }

        /// <summary>The <paramref name="index"/>th value (placeholder order) taken again from the row.</summary>
        public void Rebind(int index, Column column, object row)
        {
            var value = column.ProviderValue(row);
            if (_command is not null)
            {
                _command.Parameters[index].Value = value ?? DBNull.Value;
            }
            else if (SqliteStatements.Binds(value))
            {
                _values[index] = value;
            }
            else
            {
                throw new NotSupportedException($"{value!.GetType().Name} is not bound by {nameof(SqliteStatements)}");
            }
        }

        /// <summary>
        /// Runs on the context's connection, in its current transaction: the first column of the returned row (0 when a
        /// RETURNING statement returned none), or the rows changed. That need not be the connection the command was built
        /// on: a group commit (<see cref="TurnCommits"/>) runs several turns' commands on its first turn's connection.
        /// </summary>
        public async Task<long> ExecuteAsync(InfoBotDbContext context, bool returning, CancellationToken ct)
        {
            var connection = context.Database.GetDbConnection();
            if (_command is null)
            {
                // SQLite's transaction belongs to the connection, so the kept statement runs inside the context's.
                return SqliteStatements.Run((SqliteConnection)connection, _sql, _values);
            }

            if (_command.Connection != connection)
            {
                _command.Connection = connection;
            }

            _command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
            return returning
                ? await _command.ExecuteScalarAsync(ct) is { } key and not DBNull ? Convert.ToInt64(key, CultureInfo.InvariantCulture) : 0
                : await _command.ExecuteNonQueryAsync(ct);
        }

        public void Dispose() => _command?.Dispose();
    }
}
