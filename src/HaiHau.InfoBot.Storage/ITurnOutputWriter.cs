using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Storage.Records;

namespace HaiHau.InfoBot.Storage;

/// <summary>A settled turn as its writers see it, inside the turn's transaction, before the one SaveChanges.</summary>
public sealed record TurnOutput(InfoBotDbContext Db, ConversationRecord Conversation, InboxRecord Inbox, TurnResult Result, DateTimeOffset Now);

/// <summary>
/// Persists what a turn's events mean for one feature's own tables (a resident's registration, the reach log …).
/// The engine stays pure: it emits events with values; writers add rows to <see cref="TurnOutput.Db"/>, which the
/// turn processor saves with the message, state and replies in one transaction (or not at all). Not called on a
/// turn that erases the conversation's data.
/// </summary>
public interface ITurnOutputWriter
{
    Task WriteAsync(TurnOutput turn, CancellationToken ct);
}
