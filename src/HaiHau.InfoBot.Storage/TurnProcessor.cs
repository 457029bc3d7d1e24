using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// Runs the turn for one stored inbound message: loads the conversation, runs the engine, and writes the new
/// state, the replies (outbox) and the events in one transaction that also marks the message done.
/// Idempotent: a message already done is skipped, so recovery after a crash can call it again safely.
/// </summary>
public sealed class TurnProcessor(
    IDbContextFactory<InfoBotDbContext> factory,
    IDialogEngine engine,
    ConversationLocks locks,
    TimeProvider time,
    ILogger<TurnProcessor> logger)
{
    private const int MaxAttempts = 3;

    public const string FailureText = "Xin lỗi bác, hệ thống đang trục trặc. Bác thử lại sau ít phút, hoặc gõ «gặp cán bộ» để được giúp nhé.";

    /// <summary>Runs the message's turn if it is still pending; true when it is settled (done or failed for good).</summary>
    public async Task<bool> ProcessAsync(long inboxId, CancellationToken ct)
    {
        InboxRecord? peek;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            peek = await db.Inbox.AsNoTracking().FirstOrDefaultAsync(i => i.Id == inboxId, ct);
        }

        if (peek is null || peek.Status != InboxStatus.Pending)
        {
            return true;
        }

        using var held = await locks.AcquireAsync(peek.Channel, peek.ChatId, ct);
        await using var context = await factory.CreateDbContextAsync(ct);
        var inbox = await context.Inbox.FirstAsync(i => i.Id == inboxId, ct);
        if (inbox.Status != InboxStatus.Pending)
        {
            return true; // another worker finished it while we waited for the lock
        }

        var now = time.GetUtcNow();
        var conversation = await context.Conversations.FirstOrDefaultAsync(c => c.Channel == inbox.Channel && c.ChatId == inbox.ChatId, ct);
        if (conversation is null)
        {
            conversation = new ConversationRecord { Channel = inbox.Channel, ChatId = inbox.ChatId, UserId = inbox.UserId, CreatedAt = now };
            context.Conversations.Add(conversation);
        }

        TurnResult result;
        try
        {
            result = engine.RunTurn(StateSerializer.Deserialize(conversation.StateJson), ToMessage(inbox));
        }
        catch (Exception ex)
        {
            inbox.Attempts++;
            inbox.Error = ex.GetType().Name;
            logger.LogError(ex, "Turn failed for inbox {InboxId} on {Channel} (attempt {Attempt})", inbox.Id, inbox.Channel, inbox.Attempts);
            if (inbox.Attempts < MaxAttempts)
            {
                await context.SaveChangesAsync(ct);
                return false;
            }

            inbox.Status = InboxStatus.Failed;
            result = new TurnResult(StateSerializer.Deserialize(conversation.StateJson), [OutboundMessage.Plain(FailureText)], []);
        }

        await using var transaction = await context.Database.BeginTransactionAsync(ct);
        var chatId = inbox.ChatId;
        if (result.Events.Any(e => e.Kind == EventKinds.DataErased))
        {
            chatId = await ConversationEraser.EraseAsync(context, conversation, inbox, ct);
        }

        conversation.StateJson = StateSerializer.Serialize(result.State);
        conversation.UpdatedAt = now;
        conversation.Unreachable = false; // the resident wrote to us, so they can be reached again
        var sequence = 0;
        foreach (var reply in result.Replies)
        {
            context.Outbox.Add(new OutboxRecord
            {
                Conversation = conversation,
                Channel = inbox.Channel,
                ChatId = chatId,
                InboxId = inbox.Id,
                Sequence = sequence++,
                Text = reply.Text,
                ChoicesJson = StateSerializer.SerializeChoices(reply.QuickReplies),
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }

        foreach (var e in result.Events)
        {
            context.TurnEvents.Add(new TurnEventRecord { Conversation = conversation, Channel = inbox.Channel, Kind = e.Kind, Subject = e.Subject, At = now, InboxId = inbox.Id });
        }

        if (inbox.Status == InboxStatus.Pending)
        {
            inbox.Status = InboxStatus.Done;
        }

        inbox.ProcessedAt = now;
        await context.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct); // one transaction: state, outbox, events, the inbox mark (and any erasure)
        return true;
    }

    private static InboundMessage ToMessage(InboxRecord inbox) => new(
        new ConversationRef(inbox.Channel, inbox.UserId, inbox.ChatId),
        inbox.ExternalId,
        inbox.ReceivedAt,
        inbox.Text,
        inbox.Payload,
        inbox.IsStart,
        inbox.StartPayload);
}
