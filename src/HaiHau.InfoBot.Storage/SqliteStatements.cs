using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// The turn's INSERT and UPDATE statements and its look-ups, prepared once per physical SQLite connection and kept, instead of parsed and
/// planned again on every turn (issue 15). Microsoft.Data.Sqlite keeps no statement cache, and closing a
/// <see cref="SqliteConnection"/> (every pooled EF context does at the end of its turn) disposes its commands with their
/// statements; the native handle underneath stays in the pool, so the statements are kept on it, as the PRAGMAs are
/// (<see cref="StorageSetup"/>). A handle is used by one open connection at a time, so its statements need no lock.
/// When the pool drops a handle, SQLite's close waits (a "zombie" handle) until the kept statements are finalized by the
/// collector, which the weak table allows once the handle is gone.
/// </summary>
internal static class SqliteStatements
{
    private static readonly ConditionalWeakTable<sqlite3, Dictionary<string, sqlite3_stmt>> PerHandle = [];

    /// <summary>
    /// Whether a provider value (after the model's conversion) is bound here exactly as Microsoft.Data.Sqlite binds it;
    /// rows with any other value keep the ADO command.
    /// </summary>
    public static bool Binds(object? value) =>
        value is null or DBNull or string or long or int or short or byte or bool or double or float or byte[] || value is Enum;

    /// <summary>
    /// Runs <paramref name="sql"/> with <paramref name="values"/> (in placeholder order) in the connection's current
    /// transaction. Returns the first column of the row it returns (RETURNING; 0 when it returns none), or the number of rows changed.
    /// A failure (a unique index, a foreign key) throws <see cref="SqliteException"/>, as the ADO command would.
    /// </summary>
    public static long Run(SqliteConnection connection, string sql, object?[] values)
    {
        var (db, statement) = Bound(connection, sql, values);
        try
        {
            var rc = raw.sqlite3_step(statement);
            // A statement that returns columns (RETURNING) and gave no row (ON CONFLICT DO NOTHING skipped it) reads 0.
            var result = rc == raw.SQLITE_ROW ? raw.sqlite3_column_int64(statement, 0)
                : raw.sqlite3_column_count(statement) > 0 ? 0 : raw.sqlite3_changes(db);
            while (rc == raw.SQLITE_ROW)
            {
                rc = raw.sqlite3_step(statement);
            }

            Check(rc, db);
            return result;
        }
        finally
        {
            Reset(statement);
        }
    }

    /// <summary>
    /// Runs the SELECT <paramref name="sql"/> with <paramref name="values"/> and makes one row of each result row with
    /// <paramref name="read"/>, which takes the columns by <see cref="Column"/>; for the reads every turn runs (issue 15).
    /// </summary>
    public static List<TRow> Query<TRow>(SqliteConnection connection, string sql, object?[] values, Func<sqlite3_stmt, TRow> read)
    {
        var (db, statement) = Bound(connection, sql, values);
        try
        {
            var rows = new List<TRow>();
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                rows.Add(read(statement));
            }

            Check(rc, db);
            return rows;
        }
        finally
        {
            Reset(statement);
        }
    }

    /// <summary>Whether <see cref="Column"/> reads a stored value of this type (the reader getter's return type), as Microsoft.Data.Sqlite's getter does.</summary>
    public static bool Reads(Type stored) =>
        stored == typeof(string) || stored == typeof(long) || stored == typeof(int) || stored == typeof(short) || stored == typeof(byte)
        || stored == typeof(bool) || stored == typeof(double) || stored == typeof(float) || stored == typeof(byte[]);

    /// <summary>The <paramref name="index"/>th column of the current row as <paramref name="stored"/> (one <see cref="Reads"/> accepts); null for NULL.</summary>
    public static object? Column(sqlite3_stmt statement, int index, Type stored)
    {
        if (raw.sqlite3_column_type(statement, index) == raw.SQLITE_NULL)
        {
            return null;
        }

        // As SqliteDataReader's getters: integers narrowed from the 64-bit value, a boolean as non-zero, text as UTF-8.
        return stored == typeof(string) ? raw.sqlite3_column_text(statement, index).utf8_to_string()
            : stored == typeof(long) ? raw.sqlite3_column_int64(statement, index)
            : stored == typeof(int) ? (int)raw.sqlite3_column_int64(statement, index)
            : stored == typeof(bool) ? raw.sqlite3_column_int64(statement, index) != 0
            : stored == typeof(double) ? raw.sqlite3_column_double(statement, index)
            : stored == typeof(short) ? (short)raw.sqlite3_column_int64(statement, index)
            : stored == typeof(byte) ? (byte)raw.sqlite3_column_int64(statement, index)
            : stored == typeof(float) ? (float)raw.sqlite3_column_double(statement, index)
            : stored == typeof(byte[]) ? raw.sqlite3_column_blob(statement, index).ToArray()
            : throw new NotSupportedException($"{stored.Name} is not read by {nameof(SqliteStatements)}");
    }

    /// <summary>The statement kept on the connection's handle for <paramref name="sql"/> (prepared on first use), its values bound.</summary>
    private static (sqlite3 Db, sqlite3_stmt Statement) Bound(SqliteConnection connection, string sql, object?[] values)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection must be open.");
        var statements = PerHandle.GetValue(db, static _ => []);
        if (!statements.TryGetValue(sql, out var statement))
        {
            // PERSISTENT: SQLite's hint for a statement kept and reused many times (its memory comes from the heap).
            Check(raw.sqlite3_prepare_v3(db, sql, raw.SQLITE_PREPARE_PERSISTENT, out statement), db);
            if (raw.sqlite3_bind_parameter_count(statement) != values.Length)
            {
                statement.Dispose();
                throw new InvalidOperationException($"{values.Length} values for a statement with other placeholders: {sql}");
            }

            statements[sql] = statement;
        }

        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                Check(Bind(statement, i + 1, values[i]), db);
            }
        }
        catch
        {
            Reset(statement);
            throw;
        }

        return (db, statement);
    }

    // Ready for the next turn, holding no string or blob of this one.
    private static void Reset(sqlite3_stmt statement)
    {
        raw.sqlite3_reset(statement);
        raw.sqlite3_clear_bindings(statement);
    }

    // As Microsoft.Data.Sqlite's binder does for these types: integers (enums by their number, bool as 0/1), text, real, blob.
    private static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(statement, index),
        string text => raw.sqlite3_bind_text(statement, index, text),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        short number => raw.sqlite3_bind_int64(statement, index, number),
        byte number => raw.sqlite3_bind_int64(statement, index, number),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        double real => raw.sqlite3_bind_double(statement, index, real),
        float real => raw.sqlite3_bind_double(statement, index, real),
        // An empty array would bind NULL through a null pointer: zero-length, as Microsoft.Data.Sqlite binds it.
        byte[] { Length: 0 } => raw.sqlite3_bind_zeroblob(statement, index, 0),
        byte[] blob => raw.sqlite3_bind_blob(statement, index, blob),
        Enum choice => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(choice, System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"{value.GetType().Name} is not bound by {nameof(SqliteStatements)}"),
    };

    private static void Check(int rc, sqlite3 db)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
        }
    }
}
