using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HaiHau.InfoBot.Benchmarks.Load;

/// <summary>
/// Counts EF Core's SQL commands, connection opens and SaveChanges in this process, from EF's DiagnosticListener,
/// without touching the product. Off unless <see cref="Enabled"/>, so timed runs pay only an IsEnabled check.
/// </summary>
public sealed class DbCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private long _commands;
    private long _commandTicks;
    private long _opens;
    private long _saves;
    private long _commits;

    public DbCommandCounter() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public bool Enabled { get; set; }

    public DbCounts Take()
    {
        var counts = new DbCounts(Interlocked.Exchange(ref _commands, 0), TimeSpan.FromTicks(Interlocked.Exchange(ref _commandTicks, 0)),
            Interlocked.Exchange(ref _opens, 0), Interlocked.Exchange(ref _saves, 0), Interlocked.Exchange(ref _commits, 0));
        return counts;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, _ => Enabled));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        switch (value.Value)
        {
            case CommandExecutedEventData executed:
                Interlocked.Increment(ref _commands);
                Interlocked.Add(ref _commandTicks, executed.Duration.Ticks);
                break;
            case ConnectionEndEventData when value.Key == RelationalEventId.ConnectionOpened.Name:
                Interlocked.Increment(ref _opens);
                break;
            case SaveChangesCompletedEventData:
                Interlocked.Increment(ref _saves);
                break;
            case TransactionEndEventData when value.Key == RelationalEventId.TransactionCommitted.Name:
                Interlocked.Increment(ref _commits);
                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
            _subscriptions.Clear();
        }
    }
}

/// <summary>What EF Core did over a measured stretch; divide by turns for per-turn figures.</summary>
/// <remarks>Transactions: those EF began and committed (explicit ones and SaveChanges' own); commands written as plain ADO.NET (TurnWrite's) are not counted.</remarks>
public sealed record DbCounts(long Commands, TimeSpan CommandTime, long ConnectionOpens, long SaveChanges, long Transactions = 0);
