using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// A SELECT of one table's rows, written here and run as a raw command on the context, for the reads that run at
/// start-up, on every turn and on the background loops' timers (issue 15). Each LINQ query there made EF Core load and
/// JIT its query pipeline (expression trees, SQL generation, a compiled materializer per query) before the host had
/// served anyone: 6.3 MB of the idle host's 128.5 MB (ReadyToRun publish, measured with the getters ModelRows now makes
/// on first use), and a turn's look-ups paid the pipeline's per-call overhead. Names,
/// quoting, placeholders and each value's conversion come from the model, as for the writes (<see cref="ModelRows"/>),
/// so the same query runs on SQLite and PostgreSQL and no table or column name is typed twice. Equality, comparison,
/// IN and IS NULL filters joined by AND, one ORDER BY and a LIMIT: what those reads need and no more; anything richer
/// (joins, projections across tables) stays in LINQ on paths that run when an officer or a resident asks.
/// </summary>
internal sealed class RowQuery<T>
    where T : class
{
    private readonly InfoBotDbContext _db;
    private readonly ModelRows.Table _table;
    private readonly ISqlGenerationHelper _sql;
    private readonly StringBuilder _where = new();
    private readonly List<(ModelRows.Column Column, object? Value)> _values = [];
    private string? _orderBy;
    private int? _limit;
    private bool _kept;

    private RowQuery(InfoBotDbContext db)
    {
        var rows = ModelRows.For(db);
        (_db, _table, _sql) = (db, rows.TableOf(typeof(T)), rows.Sql);
    }

    public static RowQuery<T> From(InfoBotDbContext db) => new(db);

    /// <summary>property = value (IS NULL for null), in the model's terms: an enum or a DateTimeOffset is converted as EF converts it; an enum is written as a literal.</summary>
    public RowQuery<T> Where(string property, object? value) => value is null ? Is(property, "IS NULL") : Compare(property, "=", value);

    /// <summary>property IS NOT NULL.</summary>
    public RowQuery<T> NotNull(string property) => Is(property, "IS NOT NULL");

    /// <summary>property compared with value by one of =, &lt;&gt;, &lt;, &lt;=, &gt;, &gt;=.</summary>
    public RowQuery<T> Compare(string property, string comparison, object value)
    {
        if (comparison is not ("=" or "<>" or "<" or "<=" or ">" or ">="))
        {
            throw new ArgumentException($"{comparison} is not a comparison", nameof(comparison));
        }

        var column = _table.AnyColumn(property);
        And().Append(column.Name).Append(' ').Append(comparison).Append(' ').Append(value is Enum ? Literal(column, value) : Placeholder(column, value));
        return this;
    }

    /// <summary>property IN (values); no values matches no row.</summary>
    public RowQuery<T> In(string property, IEnumerable<object> values)
    {
        var column = _table.AnyColumn(property);
        var placeholders = values.Select(v => Placeholder(column, v)).ToList();
        And().Append(placeholders.Count == 0 ? "1 = 0" : $"{column.Name} IN ({string.Join(", ", placeholders)})");
        return this;
    }

    public RowQuery<T> OrderBy(string property, bool descending = false)
    {
        _orderBy = _table.AnyColumn(property).Name + (descending ? " DESC" : string.Empty);
        return this;
    }

    public RowQuery<T> Take(int rows)
    {
        _limit = rows;
        return this;
    }

    /// <summary>
    /// For a read every turn runs on a connection it opened for the turn: on SQLite, the rows are read through a statement
    /// kept on the connection (<see cref="SqliteStatements"/>), not parsed, planned and logged as an EF command each time
    /// (issue 15). EF's command events and interceptors do not see such a read; PostgreSQL, a closed connection or a column
    /// the kept statement does not read take EF's path as any other query.
    /// </summary>
    public RowQuery<T> Kept()
    {
        _kept = true;
        return this;
    }

    /// <summary>Every matching row, each column converted back as EF would (the rows are not tracked).</summary>
    public async Task<List<T>> ListAsync(CancellationToken ct)
    {
        var columns = _table.All;
        if (_kept && KeptConnection() is { } connection && KeptValues() is { } values)
        {
            return SqliteStatements.Query(connection, Sql(_table.SelectList), values,
                statement => Row(i => columns[i].FromStored(SqliteStatements.Column(statement, i, columns[i].ReaderMethod.ReturnType))));
        }

        return await RunAsync(_table.SelectList, async reader =>
        {
            var rows = new List<T>();
            while (await reader.ReadAsync(ct))
            {
                rows.Add(Row(i => Read(reader, i, columns[i])));
            }

            return rows;
        }, ct);
    }

    public async Task<T?> FirstOrDefaultAsync(CancellationToken ct) => (await Take(1).ListAsync(ct)).FirstOrDefault();

    /// <summary>One column of the matching rows, converted back to the property's type.</summary>
    public async Task<List<TValue>> ValuesAsync<TValue>(string property, CancellationToken ct)
    {
        var column = _table.AnyColumn(property);
        return await RunAsync(column.Name, async reader =>
        {
            var values = new List<TValue>();
            while (await reader.ReadAsync(ct))
            {
                values.Add((TValue)Read(reader, 0, column)!);
            }

            return values;
        }, ct);
    }

    public async Task<bool> AnyAsync(CancellationToken ct) => (await Take(1).ValuesAsync<long>(_table.Key.Property.Name, ct)).Count > 0;

    public Task<long> CountAsync(CancellationToken ct) => RunAsync("COUNT(*)", async reader =>
        await reader.ReadAsync(ct) ? Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture) : 0, ct);

    // The records' required members are all columns, each set here from its value already converted back.
    private T Row(Func<int, object?> value)
    {
        var columns = _table.All;
        var row = Activator.CreateInstance<T>();
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i].Property.PropertyInfo!.SetValue(row, value(i));
        }

        return row;
    }

    private SqliteConnection? KeptConnection() =>
        _db.Database.GetDbConnection() is SqliteConnection { State: ConnectionState.Open } connection && _table.ReadBySqlite ? connection : null;

    // The filter's values as stored (the model's conversion applied), or null when one is not bound by the kept statement.
    private object?[]? KeptValues()
    {
        var values = new object?[_values.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var (column, value) = _values[i];
            values[i] = column.ToStored(value);
            if (!SqliteStatements.Binds(values[i]))
            {
                return null;
            }
        }

        return values;
    }

    private StringBuilder And() => _where.Append(_where.Length == 0 ? " WHERE " : " AND ");

    private RowQuery<T> Is(string property, string test)
    {
        And().Append(_table.AnyColumn(property).Name).Append(' ').Append(test);
        return this;
    }

    private string Placeholder(ModelRows.Column column, object? value)
    {
        _values.Add((column, value));
        return _sql.GenerateParameterNamePlaceholder(ParameterName(_values.Count - 1));
    }

    // A status or a state is a constant of the code, written into the SQL as EF writes a LINQ constant: a partial index
    // (the inbox's and the outbox's pending rows) is used only when the query's own condition names its value.
    private static string Literal(ModelRows.Column column, object value) => column.Mapping.GenerateSqlLiteral(value);

    private static string ParameterName(int index) => string.Create(CultureInfo.InvariantCulture, $"w{index}");

    // The reader's own typed getter for the column's provider type (as EF's materializer calls it), then the model's conversion.
    private static object? Read(DbDataReader reader, int ordinal, ModelRows.Column column)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return column.FromStored(column.ReaderMethod.Invoke(reader, [ordinal]));
    }

    private string Sql(string select)
    {
        var sql = new StringBuilder("SELECT ").Append(select).Append(" FROM ").Append(_table.Name).Append(_where);
        if (_orderBy is not null)
        {
            sql.Append(" ORDER BY ").Append(_orderBy);
        }

        if (_limit is { } limit)
        {
            sql.Append(" LIMIT ").Append(limit.ToString(CultureInfo.InvariantCulture));
        }

        return sql.ToString();
    }

    /// <summary>
    /// Runs through EF's raw-command path (what ExecuteSqlRaw uses, already loaded at start by the migration check): the
    /// context's connection, opened for the call if closed, its current transaction, its command logging and interceptors
    /// (the tests that plan the product's queries, and the benchmark that counts a turn's commands, see these as well).
    /// </summary>
    private async Task<TResult> RunAsync<TResult>(string select, Func<DbDataReader, Task<TResult>> read, CancellationToken ct)
    {
        var sql = Sql(select);

        var parameters = new List<object>(_values.Count);
        using (var factory = _db.Database.GetDbConnection().CreateCommand())
        {
            for (var i = 0; i < _values.Count; i++)
            {
                var (column, value) = _values[i];
                parameters.Add(column.Mapping.CreateParameter(factory, _sql.GenerateParameterName(ParameterName(i)), value, nullable: true));
            }
        }

        var command = _db.GetService<IRawSqlCommandBuilder>().Build(sql, parameters);
        await using var reader = await command.RelationalCommand.ExecuteReaderAsync(new RelationalCommandParameterObject(
            _db.GetService<IRelationalConnection>(), command.ParameterValues, null, _db, _db.GetService<IRelationalCommandDiagnosticsLogger>(),
            CommandSource.FromSqlQuery), ct);
        return await read(reader.DbDataReader);
    }
}
