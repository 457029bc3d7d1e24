using System.Threading.Channels;

namespace HaiHau.InfoBot.Host.Answerer;

/// <summary>
/// One question waiting for a composed answer. Its retrieval answer sits in the outbox held until
/// <see cref="HeldUntil"/>; the row is found by the message's (channel, external id) and the reply's sequence, which
/// are known before the turn's transaction commits (the row's id is not).
/// </summary>
public sealed record ComposeJob(string Channel, string ExternalId, int Sequence, string Question, string FaqId, DateOnly Day, DateTimeOffset HeldUntil);

/// <summary>
/// The jobs between the turn (which only enqueues) and <see cref="ComposeWorker"/>. Bounded: when it is full the
/// question simply gets its retrieval answer at once, so a slow model never piles up work or memory.
/// </summary>
public sealed class ComposeJobs
{
    public const int Capacity = 200;

    private readonly Channel<ComposeJob> _jobs = Channel.CreateBounded<ComposeJob>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    public bool TryEnqueue(ComposeJob job) => _jobs.Writer.TryWrite(job);

    public IAsyncEnumerable<ComposeJob> ReadAllAsync(CancellationToken ct) => _jobs.Reader.ReadAllAsync(ct);
}
