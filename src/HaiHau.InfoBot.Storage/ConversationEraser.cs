using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// "Xóa dữ liệu của tôi" (Decree 13/2023/NĐ-CP): inside the turn's transaction, every message text of the conversation
/// is deleted, earlier replies, news subscriptions and course leads are removed, the questions it left unanswered (and
/// those the entry model answered, kept for staff the same way) lose their words, and the conversation is cut from the
/// resident's chat id, so its anonymous event rows still count (an article was read, a question went unanswered)
/// without saying who, or what they wrote. The resident's registration (profile, household link) is deleted, and their
/// reach rows lose household and declared category. The resident's next message starts a new conversation.
/// </summary>
public static class ConversationEraser
{
    /// <summary>The start of the anonymous id an erased conversation's chat id is replaced with (no address to send to).</summary>
    public const string ErasedPrefix = "erased-";

    /// <summary>True when the chat id is the anonymous stand-in an erasure left.</summary>
    public static bool IsErased(string chatId) => chatId.StartsWith(ErasedPrefix, StringComparison.Ordinal);

    /// <summary>Erases and returns the anonymous id that now stands in for the chat id.</summary>
    public static async Task<string> EraseAsync(InfoBotDbContext context, ConversationRecord conversation, InboxRecord current, CancellationToken ct)
    {
        var anonymous = ErasedPrefix + Guid.NewGuid().ToString("N");
        var (channel, chatId) = (current.Channel, current.ChatId);

        if (conversation.Id != 0)
        {
            // Every row of the chat belongs to its conversation (a new conversation has none yet): found by the
            // (conversation, id) index, the chat's columns still compared.
            await context.Outbox.Where(o => o.ConversationId == conversation.Id && o.Channel == channel && o.ChatId == chatId).ExecuteDeleteAsync(ct);
            // What the resident asked us to keep goes too: news subscriptions and course interest.
            await context.NewsSubscriptions.Where(s => s.ConversationId == conversation.Id).ExecuteDeleteAsync(ct);
            await context.CourseLeads.Where(l => l.ConversationId == conversation.Id).ExecuteDeleteAsync(ct);
            // A phrasing staff kept in this resident's own words, unedited, is still their words (issue 13 §3): copied
            // from them, or the same words they asked in (another resident's copy of them goes too).
            var (askedKind, guessedKind) = (EventKinds.QuestionUnanswered.Name, EventKinds.QuestionModelAnswered.Name);
            var asked = context.TurnEvents.Where(e => e.ConversationId == conversation.Id && (e.Kind == askedKind || e.Kind == guessedKind) && e.Subject != null).Select(e => e.Subject);
            // (Before 7 December a letter cut at 200 characters was kept with the space the cut left, and staff's copy without it.)
            await context.StaffPhrasings.Where(p => p.SourceConversationId == conversation.Id || (!p.Edited && (asked.Contains(p.Text) || asked.Contains(p.Text + " "))))
                .ExecuteDeleteAsync(ct);
            // The phone kept only to notify by ZNS, and announcements still queued on the Zalo routes (issue 18).
            await context.ChannelState.Where(s => s.Channel == BroadcastRouteChannels.ZaloZns && s.Key == ZnsAddress.PhoneKey(conversation.Id)).ExecuteDeleteAsync(ct);
            await context.Outbox.Where(o => o.ConversationId == conversation.Id && o.Status == OutboxStatus.Pending
                && (o.Channel == BroadcastRouteChannels.ZaloZns || o.Channel == BroadcastRouteChannels.ZaloPromotion)).ExecuteDeleteAsync(ct);
        }

        // The words kept for staff: questions left unanswered, and those the entry model answered (kept the same way).
        var (unanswered, modelAnswered) = (EventKinds.QuestionUnanswered.Name, EventKinds.QuestionModelAnswered.Name);
        await context.TurnEvents.Where(e => e.ConversationId == conversation.Id && e.Subject != null && (e.Kind == unanswered || e.Kind == modelAnswered))
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Subject, (string?)null), ct);
        await context.Inbox.Where(i => i.Channel == channel && i.ChatId == chatId && i.Id != current.Id).ExecuteUpdateAsync(u => u
            .SetProperty(i => i.Text, (string?)null)
            .SetProperty(i => i.Payload, (string?)null)
            .SetProperty(i => i.StartPayload, (string?)null)
            .SetProperty(i => i.ContactPhone, (string?)null)
            .SetProperty(i => i.ChatId, anonymous)
            .SetProperty(i => i.UserId, anonymous)
            .SetProperty(i => i.ExternalId, i => anonymous + ":" + i.Id), ct);

        current.Text = null;
        current.Payload = null;
        current.StartPayload = null;
        current.ContactPhone = null;
        current.ChatId = anonymous;
        current.UserId = anonymous;
        current.ExternalId = anonymous + ":" + current.Id;
        if (conversation.Id != 0)
        {
            // The registration goes whole; reach rows stay as anonymous counts (channel, topic, day, commune).
            await context.ResidentProfiles.Where(p => p.ConversationId == conversation.Id).ExecuteDeleteAsync(ct);
            await context.ReachLog.Where(r => r.ConversationId == conversation.Id && (r.HouseholdId != null || r.DeclaredCategory != null))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.HouseholdId, (long?)null).SetProperty(r => r.DeclaredCategory, (string?)null), ct);
        }

        conversation.ChatId = anonymous;
        conversation.UserId = anonymous;
        return anonymous;
    }

    /// <summary>
    /// After an erasure has committed: the WAL still holds the old pages (the words, the chat id) until they are copied
    /// back and the log emptied. secure_delete (StorageSetup) zeroes them in the main file; this checkpoint moves that
    /// into the file and truncates the WAL. Best effort: a reader holding an old snapshot makes SQLite leave the WAL
    /// for the next checkpoint (SQLite's own, within 1,000 pages), which the result reports.
    /// </summary>
    public static async Task<bool> ScrubFilesAsync(InfoBotDbContext context, CancellationToken ct)
    {
        if (context.IsPostgres())
        {
            // No WAL file of ours to truncate: PostgreSQL's dead row versions stay until (auto)vacuum reclaims them,
            // which an operator tunes (README «Several hosts on PostgreSQL»). Nothing to do here.
            return true;
        }

        var connection = context.Database.GetDbConnection();
        Reach.ReachRowsFile.Discard(connection); // the reach report's copy on disk still links the erased rows to a household
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) && reader.GetInt32(0) == 0; // busy = 0: the whole WAL went into the file
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
