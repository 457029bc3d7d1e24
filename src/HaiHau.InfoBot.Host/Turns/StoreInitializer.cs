using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Listings;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Turns;

/// <summary>
/// Before the bot takes requests: migrate the database, load the listings, then finish every message a crash left pending,
/// so nothing stored is lost and nothing is answered twice (the processor skips what is done). Once the server listens,
/// the turn path is warmed up in the background (<see cref="WarmUpAsync"/>).
/// </summary>
public sealed class StoreInitializer(
    IServiceProvider services,
    IDbContextFactory<InfoBotDbContext> factory,
    InboxStore inbox,
    TurnProcessor processor,
    OutboxReader outbox,
    IDialogEngine engine,
    ListingSnapshot listings,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<StoreInitializer> logger) : IHostedService
{
    private readonly TaskCompletionSource _warmedUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _warmingUp = Task.CompletedTask;

    /// <summary>Completes when the warm-up after start has ended, done or failed (<see cref="Setup.StartUpMemory"/> waits for it).</summary>
    public Task WarmedUp => _warmedUp.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Load and validate dialogs/ and content/ first: on any problem this throws and the bot does not start.
        UnderstandingReady(services.GetRequiredService<BotData>());
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await StorageSetup.MigrateAsync(db, cancellationToken);
        }

        await listings.RefreshAsync(cancellationToken); // before any turn, so the first resident sees them

        // Sends a previous run left in flight go out again (at least once: Telegram cannot tell whether they arrived).
        var inFlight = await services.GetRequiredService<OutboxLeases>().ReconcileAsync(
            soleHost: !Setup.DatabaseSettings.IsPostgres(services.GetRequiredService<IConfiguration>()), cancellationToken);
        if (inFlight > 0)
        {
            logger.LogWarning("{Count} send(s) were in flight when the last run stopped; they are sent again", inFlight);
        }

        var recovered = await RecoverAsync(inbox, processor, logger, cancellationToken);
        if (recovered > 0)
        {
            logger.LogWarning("Recovered {Count} message(s) left unprocessed by the last run", recovered);
        }

        // After the server listens, not before (issue 15): the warm-up took about 160 ms of a 1.4 s restart, and a
        // restart is an outage for every channel until /health answers. A resident who writes within those first
        // moments is served by the same code, compiled on their turn instead.
        lifetime.ApplicationStarted.Register(() => _warmingUp = Task.Run(WarmUpInBackgroundAsync));
    }

    private async Task WarmUpInBackgroundAsync()
    {
        var stopping = lifetime.ApplicationStopping;
        try
        {
            await WarmUpAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException)
        {
            // the host was disposed while warming up (tests stop hosts at once): nothing to warm any more
        }
        catch (Exception e)
        {
            // Only speed is lost: the first turns compile what the warm-up would have.
            logger.LogWarning(e, "Warming up the turn path failed; the first turns will be slower");
        }
        finally
        {
            _warmedUp.TrySetResult();
        }
    }

    /// <summary>
    /// Builds the question understanding (if nothing resolved it yet) and says where this process got it: an operator,
    /// and the tests, can tell a start that trained (about a second) from one that read the files the build prepared.
    /// </summary>
    private void UnderstandingReady(BotData data)
    {
        _ = data.Questions;
        var store = data.Classifiers as ClassifierFileStore;
        var source = store is null ? "built and trained (no model cache)"
            : store.Trained > 0 ? "built and trained"
            : store.PreparedReads > 0 ? "read from the files prepared at build"
            : "read from the model cache (not trained)";
        logger.LogInformation("Question understanding {Source:l}", source);
    }

    /// <summary>
    /// Compiles the turn path's queries and code once, right after start; measured: the first web chat request
    /// otherwise took about two seconds. Read-only: nothing is stored.
    /// </summary>
    private async Task WarmUpAsync(CancellationToken ct)
    {
        var from = new ConversationRef("warmup", "warmup", "warmup");
        var atMenu = engine.RunTurn(new ConversationState(), new InboundMessage(from, "warmup", time.GetUtcNow(), null, IsStart: true)).State;
        // Trains the classifier (content/understanding) now rather than on the first resident's question.
        engine.RunTurn(atMenu, new InboundMessage(from, "warmup", time.GetUtcNow(), "thẻ bảo hiểm y tế hết hạn thì làm sao"));
        await outbox.ConversationExistsAsync(from.Channel, from.ChatId, ct);
        await outbox.TakeAfterAsync(from.Channel, from.ChatId, long.MaxValue, ct);
        // An unknown conversation: the turn's lookups run and it stops before writing anything.
        await processor.RunNowAsync(new InboundMessage(from, "warmup", time.GetUtcNow(), "menu"), requireConversation: true, ct);
        _ = StateSerializer.Deserialize(StateSerializer.Serialize(new ConversationState())); // the lookup above stops before state is read
    }

    /// <summary>Waits for a warm-up still running, so it never reads a store being disposed.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _warmingUp.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // stopping in a hurry: the warm-up is abandoned
        }
    }

    /// <summary>
    /// Processes pending inbox rows, oldest first; returns how many were looked at. A message whose turn fails is logged
    /// and left pending for the next sweep (given up after <see cref="TurnProcessor.MaxAttempts"/> failures), and the
    /// others go on: one bad row used to stop start-up (the host would not start) and every later sweep at its place, so
    /// no newer message was ever recovered.
    /// </summary>
    public static async Task<int> RecoverAsync(InboxStore inbox, TurnProcessor processor, ILogger logger, CancellationToken ct)
    {
        var total = 0;
        var seen = new HashSet<long>();
        while (true)
        {
            var pending = (await inbox.PendingAsync(200, ct)).Where(seen.Add).ToList();
            if (pending.Count == 0)
            {
                return total;
            }

            foreach (var id in pending)
            {
                try
                {
                    await processor.ProcessAsync(id, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    if (await inbox.CountFailedTurnAsync(id, ex.GetType().Name, ct))
                    {
                        logger.LogError(ex, "Inbox {InboxId}: its turn failed {Attempts} times; the message is given up (marked failed)", id, TurnProcessor.MaxAttempts);
                    }
                    else
                    {
                        logger.LogError(ex, "Inbox {InboxId}: its turn failed; it stays pending for the next sweep and the others go on", id);
                    }
                }

                total++;
            }
        }
    }
}
