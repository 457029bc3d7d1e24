using System.Globalization;
using System.Text;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// A turn's events (about two a turn) as one multi-row INSERT, not one tracked entity and one prepared
/// INSERT … RETURNING each: nothing reads their ids back, and EF's change tracking and batch building for them
/// measured as a large part of a web turn's SaveChanges (issue 15). Runs inside the turn's transaction after its
/// SaveChanges, when a new conversation and the message have their ids. Names, and the conversion of the time,
/// come from the model, so the statement is the same one EF would write on SQLite and on PostgreSQL.
/// </summary>
internal sealed class TurnEventRows
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, TurnEventRows> PerModel = [];

    private readonly string _head;
    private readonly Func<DateTimeOffset, object> _at;

    private TurnEventRows(IModel model)
    {
        var entity = model.FindEntityType(typeof(TurnEventRecord)) ?? throw new InvalidOperationException("turn_events is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => "\"" + entity.FindProperty(property)!.GetColumnName(table) + "\"";
        _head = $"INSERT INTO \"{table.Name}\" ({Column(nameof(TurnEventRecord.ConversationId))}, {Column(nameof(TurnEventRecord.InboxId))}, "
            + $"{Column(nameof(TurnEventRecord.Channel))}, {Column(nameof(TurnEventRecord.Kind))}, {Column(nameof(TurnEventRecord.Subject))}, "
            + $"{Column(nameof(TurnEventRecord.At))}) VALUES ";
        var converter = entity.FindProperty(nameof(TurnEventRecord.At))!.GetTypeMapping().Converter;
        _at = converter is null ? at => at : at => converter.ConvertToProvider(at)!;
    }

    /// <summary>Inserts the events in one statement; nothing when there are none.</summary>
    public static Task InsertAsync(
        InfoBotDbContext context, long conversationId, long inboxId, string channel, IReadOnlyList<TurnEvent> events, DateTimeOffset now, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }

        var rows = PerModel.GetValue(context.Model, static model => new TurnEventRows(model));
        var sql = new StringBuilder(rows._head);
        var values = new object?[events.Count * 6];
        for (var i = 0; i < events.Count; i++)
        {
            var p = i * 6;
            sql.Append(i == 0 ? "(" : ", (");
            for (var c = 0; c < 6; c++)
            {
                sql.Append(c == 0 ? "{" : ", {").Append((p + c).ToString(CultureInfo.InvariantCulture)).Append('}');
            }

            sql.Append(')');
            (values[p], values[p + 1], values[p + 2], values[p + 3], values[p + 4], values[p + 5]) =
                (conversationId, inboxId, channel, events[i].Kind.Name, events[i].Subject, rows._at(now));
        }

        return context.Database.ExecuteSqlRawAsync(sql.ToString(), values!, ct);
    }
}
