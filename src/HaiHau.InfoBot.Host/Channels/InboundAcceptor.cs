using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Storage;

namespace HaiHau.InfoBot.Host.Channels;

/// <summary>
/// The one way in for push channels (webhooks and Telegram's polling): apply the platform's signals, store each
/// message (deduplicated on channel + external id), and queue its turn. When this returns, nothing can be lost,
/// so the caller may acknowledge the platform.
/// </summary>
public sealed class InboundAcceptor(InboxStore inbox, ConversationSignals signals, PendingTurns queue, ILogger<InboundAcceptor> logger)
{
    /// <summary>Returns how many messages were new (duplicates are stored once and answered once).</summary>
    public async Task<int> AcceptAsync(WebhookResult.Accepted accepted, CancellationToken ct)
    {
        foreach (var signal in accepted.Signals)
        {
            await signals.ApplyAsync(signal, ct);
            logger.LogInformation("{Channel} signal {Kind}", signal.Who.Channel, signal.Kind);
        }

        var fresh = 0;
        foreach (var message in accepted.Messages)
        {
            var (id, duplicate) = await inbox.AddAsync(message, ct);
            if (duplicate)
            {
                logger.LogInformation("{Channel} delivered message {InboxId} again; already stored", message.From.Channel, id);
                continue;
            }

            fresh++;
            queue.Enqueue(new StoredMessage(id, message));
        }

        return fresh;
    }
}
