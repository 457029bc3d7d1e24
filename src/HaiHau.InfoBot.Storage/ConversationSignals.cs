using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage;

/// <summary>Applies what a platform says about a conversation: unreachable (blocked, unfollowed) or an officer's takeover.</summary>
public sealed class ConversationSignals(IDbContextFactory<InfoBotDbContext> factory, SqliteWriteGate writes)
{
    public async Task ApplyAsync(ChannelSignal signal, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await writes.WriteAsync(() => ResilientTransaction.ExecuteAsync(db, async () =>
        {
            var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Channel == signal.Who.Channel && c.ChatId == signal.Who.ChatId, ct);
            if (conversation is null)
            {
                return 0; // nothing stored about someone who never wrote; nothing to mark
            }

            switch (signal.Kind)
            {
                case ChannelSignalKind.Unreachable:
                    await MarkUnreachableAsync(db, conversation, signal.Note ?? "unreachable", ct);
                    break;
                case ChannelSignalKind.HumanTakeover:
                    conversation.SilencedUntil = signal.At + (signal.For ?? TimeSpan.Zero);
                    db.TurnEvents.Add(new TurnEventRecord { Conversation = conversation, Channel = conversation.Channel, Kind = Core.Dialogs.EventKinds.HumanTakeover.Name, Subject = signal.Note, At = signal.At });
                    break;
            }

            return await db.SaveChangesAsync(ct);
        }, ct), ct);
    }

    /// <summary>Marks the conversation and settles its pending replies as unreachable: they would only fail again.</summary>
    internal static async Task MarkUnreachableAsync(InfoBotDbContext db, ConversationRecord conversation, string reason, CancellationToken ct)
    {
        conversation.Unreachable = true;
        conversation.UnreachableReason = reason;
        await db.Outbox.Where(o => o.ConversationId == conversation.Id && o.Status == OutboxStatus.Pending).ExecuteUpdateAsync(u => u
            .SetProperty(o => o.Status, OutboxStatus.Unreachable)
            .SetProperty(o => o.Error, reason), ct);
    }
}
