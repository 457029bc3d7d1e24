using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Host.Channels;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.Answerer;

/// <summary>
/// Calls the model for queued questions, outside any conversation lock and off the turn path, a few at a time
/// (InfoBot:Answerer:Concurrency), each within its hold: when the hold ends the call is cancelled and the retrieval
/// answer, still in the outbox, goes out. Then it wakes the channel's sender.
/// </summary>
public sealed class ComposeWorker(
    ComposeJobs queue,
    AnswerComposer composer,
    ComposedDelivery delivery,
    IQuestionUnderstanding understanding,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<AnswererOptions> options,
    ILogger<ComposeWorker> logger) : BackgroundService
{
    /// <summary>Raised after each job is settled (tests wait on it instead of sleeping).</summary>
    public event Action<ComposeJob, Composition>? Settled;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(
            queue.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = stoppingToken },
            RunAsync);

    private async ValueTask RunAsync(ComposeJob job, CancellationToken ct)
    {
        var result = Composition.Fail("timeout");
        try
        {
            var left = job.HeldUntil - time.GetUtcNow();
            if (left > TimeSpan.Zero && understanding.FindFaq(job.FaqId) is { } best)
            {
                using var hold = new CancellationTokenSource(left, time);
                using var call = CancellationTokenSource.CreateLinkedTokenSource(ct, hold.Token);
                var runnerUp = understanding.Understand(job.Question).RunnerUp?.Answer is { Kind: AnswerRef.Faq } other && other.Id != best.Id
                    ? understanding.FindFaq(other.Id)
                    : null;
                result = await composer.ComposeAsync(job.Question, best, runnerUp, job.Day, call.Token);
            }

            ct.ThrowIfCancellationRequested();
            await delivery.SettleAsync(job, result, ct);
            signal.Wake(job.Channel);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The held retrieval answer still goes out when its hold ends.
            logger.LogError(ex, "Composing an answer on {Channel} failed", job.Channel);
        }

        Settled?.Invoke(job, result);
    }
}
