using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Storage.Records;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// A settled turn as its writers see it, inside the turn's transaction. The message and the conversation are already
/// written (both have their ids) and are not tracked by <see cref="Db"/>: a row a writer adds refers to the conversation
/// by <see cref="ConversationRecord.Id"/>, never by its navigation, which would make EF insert the conversation again.
/// <see cref="Outbox"/> holds the turn's replies, written after the writers; <see cref="StateBefore"/> is the
/// conversation's state as it was before this turn (null for a new conversation).
/// </summary>
public sealed record TurnOutput(
    InfoBotDbContext Db, ConversationRecord Conversation, InboxRecord Inbox, TurnResult Result, DateTimeOffset Now,
    IReadOnlyList<OutboxRecord> Outbox, string? StateBefore)
{
    private List<object>? _appended;

    /// <summary>Rows added with <see cref="Append{T}"/>, in order.</summary>
    internal IReadOnlyList<object> Appended => _appended ?? [];

    /// <summary>
    /// An append-only row (a reach row …) written with the turn's replies by a plain INSERT, without EF's change tracking:
    /// for rows nothing in the turn reads back or changes.
    /// </summary>
    public void Append<T>(T row)
        where T : class => (_appended ??= []).Add(row);
}

/// <summary>
/// Persists what a turn's events mean for one feature's own tables (a resident's registration, the reach log …).
/// The engine stays pure: it emits events with values; writers add rows to <see cref="TurnOutput.Db"/> (saved by one
/// SaveChanges, only when there are any) or <see cref="TurnOutput.Append{T}"/> them, and the turn processor commits them
/// with the message, state and replies in one transaction (or not at all). Not called on a turn that erases the
/// conversation's data.
/// </summary>
public interface ITurnOutputWriter
{
    Task WriteAsync(TurnOutput turn, CancellationToken ct);
}
