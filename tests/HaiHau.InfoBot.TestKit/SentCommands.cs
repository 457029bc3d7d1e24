using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HaiHau.InfoBot.TestKit;

/// <summary>A command the stores sent through EF, with its parameter values.</summary>
public sealed record SentCommand(string Sql, (string Name, object? Value)[] Parameters);

/// <summary>
/// The reading and writing commands the stores send through EF (an interceptor given to <see cref="StoreHarness"/>):
/// the tests that plan the product's queries read them, and the tests of the turn's kept statements count that none
/// went this way.
/// </summary>
public sealed class SentCommands : DbCommandInterceptor
{
    private readonly List<SentCommand> _commands = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public void Clear() => Take();

    /// <summary>The commands sent since the last call, in order.</summary>
    public List<SentCommand> Take()
    {
        lock (_commands)
        {
            var taken = _commands.ToList();
            _commands.Clear();
            return taken;
        }
    }

    private void Record(DbCommand command)
    {
        var parameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToArray();
        lock (_commands)
        {
            _commands.Add(new SentCommand(command.CommandText, parameters));
        }
    }
}
