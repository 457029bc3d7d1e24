using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HaiHau.InfoBot.Storage;

/// <summary>What <see cref="TurnProcessor.RunNowAsync"/> did with a message.</summary>
public enum TurnOutcome
{
    Answered,
    UnknownConversation,
}

/// <summary>
/// Runs turns durably. A turn loads the conversation, runs the engine, and writes the message, the new state,
/// the replies (outbox), the events and what they ask to keep (subscriptions, course leads) in one transaction. Idempotent on (channel, external id): a message
/// already settled is never run again, so a retry or a recovery after a crash sends no reply twice.
/// </summary>
public sealed class TurnProcessor(
    IDbContextFactory<InfoBotDbContext> factory,
    IDialogEngine engine,
    ConversationLocks locks,
    SqliteWriteGate writes,
    TimeProvider time,
    ILogger<TurnProcessor> logger,
    IEnumerable<ITurnOutputWriter>? outputWriters = null)
{
    private readonly ITurnOutputWriter[] _writers = outputWriters?.ToArray() ?? [];

    // SQLite's one writer commits turns in groups; PostgreSQL's turns commit each on its own.
    private readonly TurnCommits? _commits = writes.OneAtATime ? new TurnCommits(writes) : null;

    /// <summary>How many failed turns a message gets before it is given up (marked failed, no longer retried).</summary>
    public const int MaxAttempts = 3;

    /// <summary>Turns waiting to be taken into a group commit (0 on PostgreSQL): the tests' way to know a batch has gathered.</summary>
    internal int TurnsWaitingToCommit => _commits?.Waiting ?? 0;

    public const string FailureText = "Xin lỗi bác, hệ thống đang trục trặc. Bác thử lại sau ít phút, hoặc gõ «gặp cán bộ» để được giúp nhé.";

    /// <summary>
    /// For channels that answer in the same request (web chat, terminal): the message and its whole turn are one
    /// transaction, acknowledged by the response. A crash before the commit leaves nothing, and the client's retry
    /// (same external id) runs it; a retry after the commit gets the same replies back.
    /// </summary>
    public async Task<(TurnOutcome Outcome, IReadOnlyList<DeliveredReply> Replies)> RunNowAsync(
        InboundMessage message, bool requireConversation, CancellationToken ct)
    {
        using var held = await locks.AcquireAsync(message.From.Channel, message.From.ChatId, ct);
        // A transient failure runs the turn again from the start: a commit that did land is then found settled below.
        return await ResilientTransaction.RunAsync(factory, context => RunNowOnceAsync(context, message, requireConversation, ct), ct);
    }

    private async Task<(TurnOutcome Outcome, IReadOnlyList<DeliveredReply> Replies)> RunNowOnceAsync(
        InfoBotDbContext context, InboundMessage message, bool requireConversation, CancellationToken ct)
    {
        // One open for the turn's reads and its write, not one per query (EF opens and closes around each otherwise).
        await context.Database.OpenConnectionAsync(ct);
        var inbox = await TurnQueries.InboxByExternalIdAsync(context, message.From.Channel, message.ExternalId, ct);
        if (inbox is null)
        {
            var conversation = await FindConversationAsync(context, message.From.Channel, message.From.ChatId, ct);
            if (conversation is null && requireConversation)
            {
                return (TurnOutcome.UnknownConversation, []);
            }

            inbox = NewInboxRecord(message);
            return (TurnOutcome.Answered, await RunAndSaveAsync(context, inbox, conversation, markSent: true, ct));
        }

        if (inbox.Status == InboxStatus.Pending)
        {
            var conversation = await FindConversationAsync(context, inbox.Channel, inbox.ChatId, ct);
            return (TurnOutcome.Answered, await RunAndSaveAsync(context, inbox, conversation, markSent: true, ct));
        }

        return (TurnOutcome.Answered, await OutboxReader.TakeAsync(context, writes, o => o.InboxId == inbox.Id, time.GetUtcNow(), ct));
    }

    /// <summary>
    /// For messages stored first and answered later (webhooks, recovery after a crash): runs the turn if the
    /// message is still pending; its replies wait in the outbox for the channel's sender. True when settled.
    /// </summary>
    public async Task<bool> ProcessAsync(long inboxId, CancellationToken ct)
    {
        InboxRecord? peek;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            peek = await RowQuery<InboxRecord>.From(db).Where(nameof(InboxRecord.Id), inboxId).FirstOrDefaultAsync(ct);
        }

        if (peek is null || peek.Status != InboxStatus.Pending)
        {
            return true;
        }

        using var held = await locks.AcquireAsync(peek.Channel, peek.ChatId, ct);
        return await ResilientTransaction.RunAsync(factory, async context =>
        {
            var inbox = await RowQuery<InboxRecord>.From(context).Where(nameof(InboxRecord.Id), inboxId).FirstOrDefaultAsync(ct)
                ?? throw new InvalidOperationException($"Inbox {inboxId} is gone"); // erased between the two reads
            if (inbox.Status != InboxStatus.Pending)
            {
                return true; // another worker (or this one's attempt whose commit landed) finished it
            }

            await RunAndSaveAsync(context, inbox, await FindConversationAsync(context, inbox.Channel, inbox.ChatId, ct), markSent: false, ct);
            return inbox.Status != InboxStatus.Pending;
        }, ct);
    }

    /// <summary>
    /// <see cref="ProcessAsync(long, CancellationToken)"/> for a message just stored, whose chat and external id the caller
    /// has: the conversation is locked at once (no read first to learn the chat), the message is found by the compiled
    /// lookup, and the turn's reads and write share one connection. The stored turns' queue runs this for every update.
    /// </summary>
    public async Task<bool> ProcessAsync(InboundMessage stored, CancellationToken ct)
    {
        using var held = await locks.AcquireAsync(stored.From.Channel, stored.From.ChatId, ct);
        return await ResilientTransaction.RunAsync(factory, async context =>
        {
            await context.Database.OpenConnectionAsync(ct);
            var inbox = await TurnQueries.InboxByExternalIdAsync(context, stored.From.Channel, stored.ExternalId, ct);
            if (inbox is null || inbox.Status != InboxStatus.Pending)
            {
                return true; // another worker (or this one's attempt whose commit landed) finished it
            }

            await RunAndSaveAsync(context, inbox, await FindConversationAsync(context, inbox.Channel, inbox.ChatId, ct), markSent: false, ct);
            return inbox.Status != InboxStatus.Pending;
        }, ct);
    }

    public static InboxRecord NewInboxRecord(InboundMessage message) => new()
    {
        Channel = message.From.Channel,
        ExternalId = message.ExternalId,
        ChatId = message.From.ChatId,
        UserId = message.From.UserId,
        Text = message.Text,
        Payload = message.ButtonPayload,
        IsStart = message.IsStart,
        StartPayload = message.StartPayload,
        ContactPhone = message.ContactPhone,
        ReceivedAt = message.SentAt,
    };

    private async Task<IReadOnlyList<DeliveredReply>> RunAndSaveAsync(
        InfoBotDbContext context, InboxRecord inbox, ConversationRecord? conversation, bool markSent, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var stateBefore = conversation?.StateJson;
        if (conversation is null)
        {
            // Source: the deep link that brought the resident (a commune's QR code), kept for officers' statistics.
            conversation = new ConversationRecord { Channel = inbox.Channel, ChatId = inbox.ChatId, UserId = inbox.UserId, CreatedAt = now, Source = inbox.StartPayload };
        }
        else if (conversation.Source is null && inbox.IsStart && !string.IsNullOrEmpty(inbox.StartPayload))
        {
            // A resident who chatted before and now scans a commune's QR code: the first code they came by counts.
            conversation.Source = inbox.StartPayload;
        }

        // An officer is answering by hand on the platform: the message is kept for them, and the bot keeps quiet.
        var result = conversation.SilencedUntil > now
            ? new TurnResult(StateSerializer.Deserialize(conversation.StateJson), [], [new TurnEvent(EventKinds.BotSilenced)])
            : RunEngine(inbox, conversation);
        var erase = result.Events.Any(e => e.Kind == EventKinds.DataErased);
        conversation.StateJson = StateSerializer.Serialize(result.State);
        conversation.UpdatedAt = now;
        conversation.Unreachable = false; // the resident wrote to us, so they can be reached again
        conversation.UnreachableReason = null;
        var outbox = result.Replies.Select((reply, sequence) => new OutboxRecord
        {
            ConversationId = conversation.Id, // a new conversation's and message's ids are bound in once written (TurnWrite)
            Channel = inbox.Channel,
            ChatId = inbox.ChatId,
            InboxId = inbox.Id,
            Sequence = sequence,
            Text = reply.Text,
            ChoicesJson = StateSerializer.SerializeChoices(reply.QuickReplies),
            CreatedAt = now,
            NextAttemptAt = now,
            Status = markSent ? OutboxStatus.Sent : OutboxStatus.Pending,
            SentAt = markSent ? now : null,
            Attempts = markSent ? 1 : 0,
        }).ToList();
        if (inbox.Status == InboxStatus.Pending)
        {
            inbox.Status = InboxStatus.Done; // RunEngine marks Failed when it gave up
        }

        inbox.ProcessedAt = now;
        if (inbox.Status == InboxStatus.Done)
        {
            // A shared phone is only compared with the register's (the link is what is kept): the registration says
            // the bot does not store phone numbers, so once the turn has used it, it goes.
            inbox.ContactPhone = null;
        }

        if (erase)
        {
            await writes.WriteAsync(async () =>
            {
                var saved = await ResilientTransaction.ExecuteAsync(context, () => SaveErasingTurnAsync(context, conversation, inbox, result, outbox, now, ct), ct);
                await ConversationEraser.ScrubFilesAsync(context, ct);
                return saved;
            }, ct);
        }
        else
        {
            // The commands are built here, outside the single-writer gate; inside it they only run (issue 15).
            using var write = TurnWrite.Prepare(context, inbox, conversation, outbox, result.Events, now);
            if (_commits is not null)
            {
                // With the turns waiting beside it, in one transaction on one connection, the context the batch runs on
                // given to the writers (the turn's own one, or the batch's first turn's). Completed after the COMMIT.
                await _commits.CommitAsync(context, db => SaveTurnAsync(write, new TurnOutput(db, conversation, inbox, result, now, outbox, stateBefore), ct));
            }
            else
            {
                var output = new TurnOutput(context, conversation, inbox, result, now, outbox, stateBefore);
                // One transaction: message, state, outbox, events, and whatever the turn's writers add. Its retry is the
                // whole turn's (RunAsync above), which builds everything again on a fresh context.
                await writes.WriteAsync(() => ResilientTransaction.ExecuteAsync(context, () => SaveTurnAsync(write, output, ct), ct), ct);
            }
        }

        // The choices as the engine gave them: reading back the JSON just written for the outbox cost a parse per reply.
        return outbox.Select((o, i) => new DeliveredReply(o.Id, o.Text, result.Replies[i].QuickReplies)).ToList();
    }

    /// <summary>
    /// Inside the gate and the transaction: the message and the conversation first (the rest refers to their ids), then
    /// what the events ask to keep and the writers' rows (one SaveChanges, only on the turns that have any), then the
    /// replies and events.
    /// </summary>
    private async Task<int> SaveTurnAsync(TurnWrite write, TurnOutput turn, CancellationToken ct)
    {
        await write.WriteHeadAsync(turn.Db, ct);
        await ResidentRequests.ApplyAsync(turn.Db, turn.Conversation, turn.Result.Events, turn.Now, ct);
        foreach (var writer in _writers)
        {
            await writer.WriteAsync(turn, ct);
        }

        // Most turns track nothing here (no registration, subscription or tally): then EF is not asked to save at all.
        var saved = turn.Db.ChangeTracker.HasChanges() ? await turn.Db.SaveChangesAsync(ct) : 0;
        await write.WriteTailAsync(turn.Db, turn.Appended, ct);
        return saved;
    }

    /// <summary>
    /// «Xóa dữ liệu của tôi»: rare, and most of its work is the eraser's own bulk statements, so it stays on EF's
    /// SaveChanges. The message and conversation were read untracked: Update tracks them as new (no id yet) or with
    /// every column changed. What the turn's events asked to keep is not applied: the erasure removes it anyway.
    /// </summary>
    private static async Task<int> SaveErasingTurnAsync(
        InfoBotDbContext context, ConversationRecord conversation, InboxRecord inbox, TurnResult result, List<OutboxRecord> outbox, DateTimeOffset now, CancellationToken ct)
    {
        context.Update(conversation);
        context.Update(inbox);
        outbox.ForEach(o => (o.Conversation, o.Inbox) = (conversation, inbox));
        context.Outbox.AddRange(outbox);
        var anonymous = await ConversationEraser.EraseAsync(context, conversation, inbox, ct);
        // Replies already delivered (web chat) are cut from the resident now. A push channel's confirmation keeps
        // the resident's address until it is sent, or it would go nowhere; OutboxDispatcher cuts it then.
        outbox.Where(o => o.Status != OutboxStatus.Pending).ToList().ForEach(o => o.ChatId = anonymous);
        var saved = await context.SaveChangesAsync(ct);
        // After the save, which gives a new conversation and the message their ids; still inside the transaction.
        var events = TurnWrite.EventRows(conversation, inbox, result.Events, now);
        if (events.Length > 0)
        {
            await TurnWrite.AppendAsync(context, events, ct);
        }

        return saved + events.Length;
    }

    /// <summary>The engine is pure, so a throw is a bug or a fault of the process: try three times, then apologise.</summary>
    private TurnResult RunEngine(InboxRecord inbox, ConversationRecord conversation)
    {
        var state = StateSerializer.Deserialize(conversation.StateJson);
        while (true)
        {
            try
            {
                return engine.RunTurn(state, ToMessage(inbox));
            }
            catch (Exception ex)
            {
                inbox.Attempts++;
                inbox.Error = ex.GetType().Name;
                logger.LogError(ex, "Turn failed for inbox {InboxId} on {Channel} (attempt {Attempt})", inbox.Id, inbox.Channel, inbox.Attempts);
                if (inbox.Attempts >= MaxAttempts)
                {
                    inbox.Status = InboxStatus.Failed;
                    return new TurnResult(state, [OutboundMessage.Plain(FailureText)], []);
                }
            }
        }
    }

    private static Task<ConversationRecord?> FindConversationAsync(InfoBotDbContext context, string channel, string chatId, CancellationToken ct) =>
        TurnQueries.ConversationByChatAsync(context, channel, chatId, ct);

    private static InboundMessage ToMessage(InboxRecord inbox) => new(
        new ConversationRef(inbox.Channel, inbox.UserId, inbox.ChatId),
        inbox.ExternalId,
        inbox.ReceivedAt,
        inbox.Text,
        inbox.Payload,
        inbox.IsStart,
        inbox.StartPayload,
        inbox.ContactPhone);
}
