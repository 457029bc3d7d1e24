namespace HaiHau.InfoBot.Host.Answerer;

/// <summary>
/// How the answerer is doing, for /health and the log: "ok", "failing" (the last call failed), "circuit_open" (calls
/// are refused for a while after repeated outages). Also the per-minute budget (InfoBot:Answerer:MaxPerMinute).
/// </summary>
public sealed class AnswererState(TimeProvider time)
{
    public const string Ok = "ok";
    public const string Failing = "failing";
    public const string CircuitOpen = "circuit_open";

    private readonly Queue<DateTimeOffset> _recent = new();
    private volatile bool _circuitOpen;
    private volatile string? _lastFailure;

    public string State => _circuitOpen ? CircuitOpen : _lastFailure is null ? Ok : Failing;

    /// <summary>Why the last call failed ("timeout", "http 429" …); null after a success.</summary>
    public string? LastFailure => _lastFailure;

    public long Composed => Interlocked.Read(ref _composed);

    public long Rejected => Interlocked.Read(ref _rejected);

    public long Failed => Interlocked.Read(ref _failed);

    private long _composed;
    private long _rejected;
    private long _failed;

    public void CircuitOpened() => _circuitOpen = true;

    public void CircuitClosed() => _circuitOpen = false;

    public void Record(Composition result)
    {
        switch (result.Status)
        {
            case CompositionStatus.Failed:
                Interlocked.Increment(ref _failed);
                _lastFailure = result.Error;
                return;
            case CompositionStatus.Rejected:
                Interlocked.Increment(ref _rejected);
                break;
            case CompositionStatus.Composed:
                Interlocked.Increment(ref _composed);
                break;
        }

        _lastFailure = null; // the model answered
    }

    /// <summary>Takes one call from the per-minute budget; false when it is spent (the retrieval answer goes out at once).</summary>
    public bool TryTakeCall(int maxPerMinute)
    {
        var now = time.GetUtcNow();
        lock (_recent)
        {
            while (_recent.Count > 0 && now - _recent.Peek() >= TimeSpan.FromMinutes(1))
            {
                _recent.Dequeue();
            }

            if (_recent.Count >= maxPerMinute)
            {
                return false;
            }

            _recent.Enqueue(now);
            return true;
        }
    }
}
