using System.Runtime.CompilerServices;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// The lookups every turn runs, compiled once per database model: EF otherwise rebuilds and looks up the query's
/// expression tree each time. A compiled query is bound to the model it first ran against, so the SQLite and the
/// PostgreSQL model (both can live in one process: the tests, `db migrate` between providers) each get their own.
/// The message and the conversation are read untracked: a turn writes them with its own commands (<see cref="TurnWrite"/>).
/// </summary>
internal sealed class TurnQueries
{
    private static readonly ConditionalWeakTable<IModel, TurnQueries> PerModel = [];

    internal Func<InfoBotDbContext, string, string, CancellationToken, Task<InboxRecord?>> InboxByExternalId { get; } =
        EF.CompileAsyncQuery((InfoBotDbContext db, string channel, string externalId, CancellationToken ct) =>
            db.Inbox.AsNoTracking().FirstOrDefault(i => i.Channel == channel && i.ExternalId == externalId));

    internal Func<InfoBotDbContext, string, string, CancellationToken, Task<ConversationRecord?>> ConversationByChat { get; } =
        EF.CompileAsyncQuery((InfoBotDbContext db, string channel, string chatId, CancellationToken ct) =>
            db.Conversations.AsNoTracking().FirstOrDefault(c => c.Channel == channel && c.ChatId == chatId));

    /// <summary>Read inside the single-writer gate by the reach and profile writers on most turns, so it is compiled too.</summary>
    internal Func<InfoBotDbContext, long, CancellationToken, Task<ResidentProfileRecord?>> ProfileByConversation { get; } =
        EF.CompileAsyncQuery((InfoBotDbContext db, long conversationId, CancellationToken ct) =>
            db.ResidentProfiles.FirstOrDefault(p => p.ConversationId == conversationId));

    internal static TurnQueries For(InfoBotDbContext context) => PerModel.GetValue(context.Model, static _ => new TurnQueries());
}
