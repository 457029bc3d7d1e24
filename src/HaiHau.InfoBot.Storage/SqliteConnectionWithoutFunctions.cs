using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// EF Core's SQLite connection, without the .NET functions it registers on every connection it creates (regexp and the
/// ef_add/ef_compare/ef_sum… helpers for decimal arithmetic, which this model never queries: it has no decimal column and
/// no Regex in a query). Microsoft.Data.Sqlite registers such functions on each open of a pooled connection and removes
/// them when it goes back to the pool, and SQLite expires every prepared statement of the connection whenever a
/// function is (re)defined: with them, the statements a turn keeps (<see cref="SqliteStatements"/>) were prepared again
/// on every turn, and each open paid eleven registrations and eleven removals (issue 15). A query that needs one of them
/// now fails with "no such function", in the tests, rather than silently costing every turn.
/// </summary>
#pragma warning disable EF1001 // SqliteRelationalConnection is EF's internal API: its constructor is pinned by the EF version in Directory.Packages.props.
internal sealed class SqliteConnectionWithoutFunctions(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    /// <summary>Makes the contexts built from <paramref name="options"/> use this connection.</summary>
    public static void Use(DbContextOptionsBuilder options) =>
        options.ReplaceService<ISqliteRelationalConnection, SqliteConnectionWithoutFunctions>();

    protected override DbConnection CreateDbConnection() => new SqliteConnection(GetValidatedConnectionString());
}
#pragma warning restore EF1001
