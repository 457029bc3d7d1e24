namespace HaiHau.InfoBot.Host.Answerer;

public enum CompositionStatus
{
    /// <summary>A grounded answer, with its sources: it replaces the retrieval answer.</summary>
    Composed,

    /// <summary>The guard found something not grounded (<see cref="Composition.Problems"/>): the retrieval answer goes out.</summary>
    Rejected,

    /// <summary>The model said the entries do not answer the question: the retrieval answer goes out.</summary>
    Declined,

    /// <summary>No usable reply (timeout, 429, 5xx, malformed, circuit open): the retrieval answer goes out.</summary>
    Failed,
}

/// <summary>The outcome of one composition.</summary>
public sealed record Composition(CompositionStatus Status, string? Text = null, string? Error = null)
{
    /// <summary>What the guard found not grounded ("number:5.000.000"), for a <see cref="CompositionStatus.Rejected"/> one.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public static Composition Fail(string error) => new(CompositionStatus.Failed, Error: error);
}
