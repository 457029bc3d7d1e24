using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Turns;

/// <summary>
/// Before the bot takes requests: migrate the database, then finish every message a crash left pending,
/// so nothing stored is lost and nothing is answered twice (the processor skips what is done).
/// </summary>
public sealed class StoreInitializer(
    IServiceProvider services,
    IDbContextFactory<InfoBotDbContext> factory,
    InboxStore inbox,
    TurnProcessor processor,
    ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Load and validate dialogs/ and content/ first: on any problem this throws and the bot does not start.
        _ = services.GetRequiredService<BotData>();
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await StorageSetup.MigrateAsync(db, cancellationToken);
        }

        var recovered = await RecoverAsync(inbox, processor, cancellationToken);
        if (recovered > 0)
        {
            logger.LogWarning("Recovered {Count} message(s) left unprocessed by the last run", recovered);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Processes pending inbox rows, oldest first; returns how many were looked at.</summary>
    public static async Task<int> RecoverAsync(InboxStore inbox, TurnProcessor processor, CancellationToken ct)
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
                await processor.ProcessAsync(id, ct);
                total++;
            }
        }
    }
}
