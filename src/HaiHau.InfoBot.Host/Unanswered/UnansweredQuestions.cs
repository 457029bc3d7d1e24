using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Unanswered;

/// <summary>
/// Reads the questions of a period the bot did not answer, from what is already kept: the folded subject of
/// <see cref="EventKinds.QuestionUnanswered"/>, and for a "which topic?" (<see cref="EventKinds.QuestionAmbiguous"/>)
/// the message itself, folded the same way; and the answers the entry model chose, kept the same way
/// (<see cref="EventKinds.QuestionModelAnswered"/>). Erasure and the retention purge clear all of them, so what they
/// cleared never shows. A commune account sees the questions of residents registered in its commune (any period's name of it).
/// </summary>
public sealed class UnansweredQuestions(IDbContextFactory<InfoBotDbContext> factory, IContentStore content)
{
    /// <summary>Vietnam's offset: a day of the period is a day there.</summary>
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>The questions of the period and the commune each was asked from (null: not registered).</summary>
    public async Task<IReadOnlyList<(AskedQuestion Question, string? Commune)>> ReadAsync(DateOnly from, DateOnly to, string? scope, CancellationToken ct)
    {
        var (start, end) = Period(from, to);
        await using var db = await factory.CreateDbContextAsync(ct);
        var unanswered = EventKinds.QuestionUnanswered.Name;
        var ambiguous = EventKinds.QuestionAmbiguous.Name;
        var rows = await db.TurnEvents.AsNoTracking()
            .Where(e => e.At >= start && e.At < end
                && ((e.Kind == unanswered && e.Subject != null) || (e.Kind == ambiguous && e.Inbox != null && e.Inbox.Text != null)))
            .Select(e => new { e.Kind, e.Subject, Text = e.Kind == ambiguous ? e.Inbox!.Text : null, e.At, e.ConversationId })
            .ToListAsync(ct);
        var communes = await CommunesAsync(db, rows.Select(r => r.ConversationId), ct);

        return rows
            .Select(r => (Question: new AskedQuestion(r.Kind == ambiguous ? Folded(r.Text) : r.Subject!, r.At, r.ConversationId, r.Kind == ambiguous),
                Commune: Today(communes.GetValueOrDefault(r.ConversationId))))
            .Where(q => q.Question.Text.Length > 0 && (scope is null || q.Commune == scope))
            .ToList();
    }

    /// <summary>
    /// The answers of the period the entry model chose (<see cref="EventKinds.QuestionModelAnswered"/>), newest first, each
    /// with the entry the turn's <see cref="EventKinds.QuestionAnswered"/> names and the commune, scoped as the questions are.
    /// </summary>
    public async Task<IReadOnlyList<(ModelAnswer Answer, string? Commune)>> ReadModelAnswersAsync(DateOnly from, DateOnly to, string? scope, CancellationToken ct)
    {
        var (start, end) = Period(from, to);
        await using var db = await factory.CreateDbContextAsync(ct);
        var (modelAnswered, answered) = (EventKinds.QuestionModelAnswered.Name, EventKinds.QuestionAnswered.Name);
        var rows = await db.TurnEvents.AsNoTracking()
            .Where(e => e.At >= start && e.At < end && e.Kind == modelAnswered && e.Subject != null)
            .Select(e => new { e.Id, e.Subject, e.At, e.ConversationId, e.InboxId })
            .ToListAsync(ct);
        var inboxes = rows.Select(r => r.InboxId).OfType<long>().Distinct().ToList();
        // The turn's own answer: logged just before the mark, in the same turn (same inbox row).
        var answers = (await db.TurnEvents.AsNoTracking().Where(e => e.Kind == answered && e.InboxId != null && inboxes.Contains(e.InboxId.Value))
            .Select(e => new { e.Id, e.InboxId, e.Subject }).ToListAsync(ct)).ToLookup(a => a.InboxId);
        var communes = await CommunesAsync(db, rows.Select(r => r.ConversationId), ct);

        return rows
            .Select(r => (Answer: new ModelAnswer(new AskedQuestion(r.Subject!, r.At, r.ConversationId, AskedBack: false),
                    answers[r.InboxId].Where(a => a.Id < r.Id).MaxBy(a => a.Id)?.Subject),
                Commune: Today(communes.GetValueOrDefault(r.ConversationId))))
            .Where(a => scope is null || a.Commune == scope)
            .OrderByDescending(a => a.Answer.Question.At)
            .ToList();
    }

    /// <summary>A period of days in Vietnam's time, its last day included.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) Period(DateOnly from, DateOnly to) =>
        (new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), Vietnam), new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), Vietnam));

    /// <summary>The commune each of these conversations' residents registered in, as they gave it (any period's code).</summary>
    private static Task<Dictionary<long, string?>> CommunesAsync(InfoBotDbContext db, IEnumerable<long> conversationIds, CancellationToken ct)
    {
        var conversations = conversationIds.Distinct().ToList();
        return db.ResidentProfiles.AsNoTracking().Where(p => conversations.Contains(p.ConversationId) && p.CommuneCode != null)
            .ToDictionaryAsync(p => p.ConversationId, p => p.CommuneCode, ct);
    }

    /// <summary>Today's commune code for a code of any period (registrations may name a former commune).</summary>
    public string? Today(string? code) => code is null ? null : content.ResolveCommune(code)?.Current?.Code ?? code;

    /// <summary>As the engine keeps an unanswered question (<see cref="DialogEngine.UnansweredSubject"/>): folded, cut, trimmed.</summary>
    public static string Folded(string? text) => DialogEngine.UnansweredSubject(text);

    public const int MaxLength = DialogEngine.UnansweredSubjectLength;
}
