using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// A turn's write (the message, the conversation's new state, the replies, the events) as plain ADO.NET commands on the
/// context's open connection, built before the single-writer gate so that inside it only execution is left (issue 15:
/// EF Core's SaveChanges, with its change tracking and command building and sorting, was 36 % of a web turn, all inside
/// the gate). Inside the gate the caller runs <see cref="WriteHeadAsync"/> (the message and the conversation, whose
/// new ids the rest refer to), the turn's writers, then <see cref="WriteTailAsync"/>, all in one transaction.
/// Works the same on SQLite and PostgreSQL: <see cref="ModelRows"/> takes names, quoting and value conversion from EF.
/// </summary>
internal sealed class TurnWrite : IDisposable
{
    // What a turn changes on a conversation it loaded: nothing else, so an officer's silence or another writer's columns
    // set meanwhile are not written back with the values this turn read.
    private static readonly string[] ConversationColumns =
    [
        nameof(ConversationRecord.StateJson), nameof(ConversationRecord.UpdatedAt), nameof(ConversationRecord.Unreachable),
        nameof(ConversationRecord.UnreachableReason), nameof(ConversationRecord.Source),
    ];

    // What a turn changes on a message stored before it ran (webhooks, recovery).
    private static readonly string[] InboxColumns =
    [
        nameof(InboxRecord.Status), nameof(InboxRecord.Attempts), nameof(InboxRecord.Error), nameof(InboxRecord.ProcessedAt),
        nameof(InboxRecord.ContactPhone),
    ];

    private readonly InboxRecord _inbox;
    private readonly ConversationRecord _conversation;
    private readonly IReadOnlyList<OutboxRecord> _outbox;
    private readonly TurnEventRecord[] _events;
    private readonly ModelRows.Insert? _newInbox;
    private readonly ModelRows.RowCommand? _inboxUpdate;
    private readonly ModelRows.Insert? _newConversation;
    private readonly ModelRows.RowCommand? _conversationUpdate;
    private readonly ModelRows.Insert[] _replies;
    private readonly ModelRows.Insert? _eventRows;

    private TurnWrite(InfoBotDbContext context, InboxRecord inbox, ConversationRecord conversation, IReadOnlyList<OutboxRecord> outbox, IReadOnlyList<TurnEvent> events, DateTimeOffset now)
    {
        var rows = ModelRows.For(context);
        var connection = context.Database.GetDbConnection();
        (_inbox, _conversation, _outbox) = (inbox, conversation, outbox);
        if (inbox.Id == 0)
        {
            _newInbox = rows.InsertOf(connection, [inbox], returnKey: true);
        }
        else
        {
            _inboxUpdate = rows.UpdateOf(connection, inbox, InboxColumns);
        }

        if (conversation.Id == 0)
        {
            _newConversation = rows.InsertOf(connection, [conversation], returnKey: true);
        }
        else
        {
            _conversationUpdate = rows.UpdateOf(connection, conversation, ConversationColumns);
        }

        _replies = [.. outbox.Select(o => rows.InsertOf(connection, [o], returnKey: true))];
        _events = EventRows(conversation, inbox, events, now);
        _eventRows = _events.Length == 0 ? null : rows.InsertOf(connection, _events, returnKey: false);
    }

    /// <summary>A turn's events as rows (about two a turn), written in one multi-row INSERT: nothing reads their ids back.</summary>
    public static TurnEventRecord[] EventRows(ConversationRecord conversation, InboxRecord inbox, IReadOnlyList<TurnEvent> events, DateTimeOffset now) =>
    [
        .. events.Select(e => new TurnEventRecord
        {
            ConversationId = conversation.Id, InboxId = inbox.Id, Channel = inbox.Channel, Kind = e.Kind.Name, Subject = e.Subject, At = now,
        }),
    ];

    /// <summary>Builds the commands (the connection must be open); call before entering the writer gate.</summary>
    public static TurnWrite Prepare(
        InfoBotDbContext context, InboxRecord inbox, ConversationRecord conversation, IReadOnlyList<OutboxRecord> outbox, IReadOnlyList<TurnEvent> events, DateTimeOffset now) =>
        new(context, inbox, conversation, outbox, events, now);

    /// <summary>The message and the conversation; a new one's id is set on its record and bound into the rows that refer to it.</summary>
    public async Task WriteHeadAsync(InfoBotDbContext context, CancellationToken ct)
    {
        if (_newInbox is not null)
        {
            await _newInbox.ExecuteAsync(context, ct);
        }
        else
        {
            await _inboxUpdate!.ExecuteAsync(context, returning: false, ct);
        }

        if (_newConversation is not null)
        {
            await _newConversation.ExecuteAsync(context, ct);
        }
        else
        {
            await _conversationUpdate!.ExecuteAsync(context, returning: false, ct);
        }

        foreach (var (reply, insert) in _outbox.Zip(_replies))
        {
            (reply.ConversationId, reply.InboxId) = (_conversation.Id, _inbox.Id);
            insert.Rebind(nameof(OutboxRecord.ConversationId));
            insert.Rebind(nameof(OutboxRecord.InboxId));
        }

        foreach (var row in _events)
        {
            (row.ConversationId, row.InboxId) = (_conversation.Id, _inbox.Id);
        }

        _eventRows?.Rebind(nameof(TurnEventRecord.ConversationId));
        _eventRows?.Rebind(nameof(TurnEventRecord.InboxId));
    }

    /// <summary>
    /// The replies (ids set on their records), the events and the rows the writers appended (<see cref="TurnOutput.Append{T}"/>,
    /// built inside the gate since the writers run there, one INSERT per type). A reply's send time is bound again: a
    /// writer may hold a reply back (ComposeRequestWriter) after the commands were built.
    /// </summary>
    public async Task WriteTailAsync(InfoBotDbContext context, IReadOnlyList<object> appended, CancellationToken ct)
    {
        foreach (var insert in _replies)
        {
            insert.Rebind(nameof(OutboxRecord.NextAttemptAt));
            await insert.ExecuteAsync(context, ct);
        }

        if (_eventRows is not null)
        {
            await _eventRows.ExecuteAsync(context, ct);
        }

        if (appended.Count > 0)
        {
            await AppendAsync(context, appended, ct);
        }
    }

    /// <summary>Append-only rows of any model types, one multi-row INSERT per type, in the context's transaction.</summary>
    public static async Task AppendAsync(InfoBotDbContext context, IReadOnlyList<object> rows, CancellationToken ct)
    {
        var model = ModelRows.For(context);
        foreach (var group in rows.GroupBy(r => r.GetType()))
        {
            using var insert = model.InsertOf(context.Database.GetDbConnection(), [.. group], returnKey: false);
            await insert.ExecuteAsync(context, ct);
        }
    }

    public void Dispose()
    {
        _newInbox?.Dispose();
        _inboxUpdate?.Dispose();
        _newConversation?.Dispose();
        _conversationUpdate?.Dispose();
        foreach (var insert in _replies)
        {
            insert.Dispose();
        }

        _eventRows?.Dispose();
    }
}
