using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Unanswered;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Unanswered;

/// <summary>
/// What staff see: the open groups, the groups marked for a new FAQ entry, the decisions already taken, and the answers
/// the entry model chose that no decision covers yet (newest first).
/// </summary>
public sealed record UnansweredView(IReadOnlyList<QuestionGroup> Open, IReadOnlyList<MarkedGroup> Marked, IReadOnlyList<StaffPhrasingRecord> Decided,
    IReadOnlyList<ModelAnswer> ModelAnswers);

/// <summary>A group marked for a new FAQ entry, with the questions of the period it covers (how often, which words).</summary>
public sealed record MarkedGroup(StaffPhrasingRecord Record, int Count, IReadOnlyList<string> Examples);

/// <summary>A decision from the console: the group's leading words, the words staff kept (maybe edited), and where it goes.</summary>
public sealed record PhrasingDecision(string Kind, string Original, string Text, int GroupSize, string? Topic = null, string? FaqId = null);

/// <summary>
/// The unanswered-questions loop (issue 13 §3): groups what the bot could not answer and applies staff's decision on
/// a group, saved with its audit row in one transaction; a decision that teaches starts a rebuild of the understanding
/// at once, in the background.
/// A decision hides the questions it covers from the list (<see cref="DecisionCovering"/>), so a question still
/// unanswered after an example or a link shows again.
/// </summary>
public sealed class UnansweredLoop(
    IDbContextFactory<InfoBotDbContext> factory, SqliteWriteGate writes, TimeProvider time, UnansweredQuestions questions,
    LiveUnderstanding understanding, BotData data)
{
    public async Task<UnansweredView> ViewAsync(DateOnly from, DateOnly to, string? scope, CancellationToken ct)
    {
        var asked = await questions.ReadAsync(from, to, scope, ct);
        var modelAnswers = await questions.ReadModelAnswersAsync(from, to, scope, ct);
        var decided = await DecisionsAsync(scope, ct);
        var words = asked.Select(q => q.Question.Text).Concat(modelAnswers.Select(m => m.Answer.Question.Text)).Concat(decided.Select(d => d.Text))
            .Distinct(StringComparer.Ordinal).ToDictionary(t => t, Words, StringComparer.Ordinal);
        var open = asked
            .Where(q => !decided.Any(d => Covers(d, words, q.Question, q.Commune)))
            .Select(q => q.Question)
            .ToList();
        // A mark counts the model's answers it covers too: a letter marked from that list was asked, if answered.
        var everyAsked = asked.Concat(modelAnswers.Select(m => (m.Answer.Question, m.Commune))).ToList();
        var marked = decided.Where(d => d.Kind == StaffPhrasingKinds.NewFaq)
            .Select(d =>
            {
                var covered = everyAsked.Where(q => Covers(d, words, q.Question, q.Commune)).Select(q => q.Question.Text).ToList();
                return new MarkedGroup(d, covered.Count, [.. covered.Where(t => t != d.Text).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
            })
            .ToList();
        // A model's answer is decided on as a question is (the same decisions, the same covering rule): linked to the right
        // entry when the guess was wrong, marked for a new entry, or confirmed right (which covers as an ignore does).
        var toCheck = modelAnswers.Where(m => !decided.Any(d => Covers(d, words, m.Answer.Question, m.Commune))).Select(m => m.Answer).ToList();
        return new UnansweredView(QuestionGrouping.Group(open, t => words[t]), marked,
            [.. decided.Where(d => d.Kind != StaffPhrasingKinds.NewFaq).OrderByDescending(d => d.Id)], toCheck);
    }

    /// <summary>The decisions this account sees: its commune's and the district-wide ones.</summary>
    public async Task<List<StaffPhrasingRecord>> DecisionsAsync(string? scope, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.StaffPhrasings.AsNoTracking().Where(p => scope == null || p.CommuneCode == null || p.CommuneCode == scope)
            .OrderBy(p => p.Id).ToListAsync(ct);
    }

    public bool IsLearning => understanding.IsLearning;

    public IReadOnlySet<string> Words(string text) => understanding.Current.Normalizer.Tokens(text).ToHashSet(StringComparer.Ordinal);

    /// <summary>The topics a question may be taught to: those the bot answers (not greetings or commands).</summary>
    public IEnumerable<TopicSettings> Topics => data.Understanding.Topics.Where(t => t.Action == TopicAction.Answer);

    public IEnumerable<Core.Content.FaqEntry> Faqs => data.Understanding.Faqs;

    /// <summary>Saves the decision and its audit row; null with the reason when it cannot be taken.</summary>
    public async Task<(StaffPhrasingRecord? Saved, string? Problem)> DecideAsync(PhrasingDecision decision, DateOnly from, DateOnly to, string? scope, AuditEntry actor, CancellationToken ct)
    {
        var text = (decision.Text ?? "").Trim();
        if (text.Length == 0 || text.Length > UnansweredQuestions.MaxLength * 2 || Words(text).Count == 0)
        {
            return (null, "Câu hỏi không được để trống.");
        }

        // Read only when needed: to find what the assistant answered («Đúng rồi») or whose words these are (unedited).
        var edited = !string.Equals(text, decision.Original?.Trim(), StringComparison.Ordinal);
        var modelAnswers = decision.Kind == StaffPhrasingKinds.Confirmed || !edited ? await questions.ReadModelAnswersAsync(from, to, scope, ct) : [];
        string? topic = null;
        string? faqId = null;
        switch (decision.Kind)
        {
            case StaffPhrasingKinds.Example:
                if (Topics.FirstOrDefault(t => t.Topic == decision.Topic) is not { } chosen)
                {
                    return (null, "Hãy chọn một chủ đề.");
                }

                topic = chosen.Topic;
                break;
            case StaffPhrasingKinds.Link:
                if (decision.FaqId is null || understanding.FindFaq(decision.FaqId) is not { } faq)
                {
                    return (null, "Hãy chọn một câu trả lời có sẵn.");
                }

                (topic, faqId) = (faq.Topic, faq.Id);
                break;
            case StaffPhrasingKinds.Confirmed:
                // «Đúng rồi» keeps the entry the assistant gave, read from what it answered (not from the form), so the
                // decision says which answer was right and the bot learns these words for it as a link would.
                if (GuessedEntry(modelAnswers.Select(m => m.Answer), decision.Original) is { } given)
                {
                    (topic, faqId) = (given.Topic, given.Id);
                }

                break;
            case StaffPhrasingKinds.NewFaq or StaffPhrasingKinds.Ignore:
                break;
            default:
                return (null, "Không rõ việc cần làm.");
        }

        // Unedited words are the resident's own: tie them to whose they are, so erasing that resident erases them.
        long? source = null;
        if (!edited)
        {
            var asked = (await questions.ReadAsync(from, to, scope, ct)).Select(q => q.Question)
                .Concat(modelAnswers.Select(m => m.Answer.Question));
            source = asked.Where(q => Kept(q.Text) == text).MaxBy(q => q.At)?.ConversationId;
        }

        var now = time.GetUtcNow();
        var record = new StaffPhrasingRecord
        {
            Kind = decision.Kind,
            Text = text,
            Topic = topic,
            FaqId = faqId,
            SourceConversationId = source,
            Edited = edited,
            CommuneCode = scope,
            GroupSize = Math.Max(1, decision.GroupSize),
            ActorId = actor.ActorId,
            At = now,
        };
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            db.StaffPhrasings.Add(record);
            await writes.WriteAsync(async () =>
            {
                await db.SaveChangesAsync(ct);
                // The audit row names the phrasing by number and says what was done in words, never the resident's
                // words: the audit log is append-only and could not honour an erasure.
                AuditLog.Add(db, actor with { TargetKind = AuditTargets.StaffPhrasing, TargetId = record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Commune = scope, Details = Details(record) }, now);
                return await db.SaveChangesAsync(ct);
            }, ct);
        }

        if (StaffPhrasingKinds.Teaches(record))
        {
            _ = understanding.Schedule(); // the page says when it is learnt (LiveUnderstanding.IsLearning)
        }

        return (record, null);
    }

    public string Details(StaffPhrasingRecord record)
    {
        var size = $"nhóm {record.GroupSize} câu hỏi";
        var words = record.Edited ? "cán bộ đã sửa lời" : "giữ nguyên lời người dân";
        return record.Kind switch
        {
            StaffPhrasingKinds.Example => $"Chủ đề «{TopicLabel(record.Topic)}»; {size}; {words}.",
            StaffPhrasingKinds.Link => $"Câu trả lời «{FaqQuestion(record.FaqId)}»; {size}; {words}.",
            StaffPhrasingKinds.NewFaq => $"Cần viết câu hỏi thường gặp mới; {size}.",
            StaffPhrasingKinds.Confirmed => record.FaqId is null ? "Câu trả lời trợ lý tự đoán là đúng." : $"Câu trả lời trợ lý tự đoán «{FaqQuestion(record.FaqId)}» là đúng; {words}.",
            _ => $"Bỏ qua; {size}.",
        };
    }

    /// <summary>
    /// The FAQ entry the assistant gave the newest of the guessed answers with these words (null when none is left in the
    /// period, or the answer was not an entry: an article or a topic's overview is not taught).
    /// </summary>
    private Core.Content.FaqEntry? GuessedEntry(IEnumerable<ModelAnswer> guessed, string? original)
    {
        var words = original?.Trim();
        var given = guessed.Where(m => Kept(m.Question.Text) == words).MaxBy(m => m.Question.At)?.Answer;
        return AnswerRef.Parse(given) is { Kind: AnswerRef.Faq, Id: var id } ? understanding.FindFaq(id) : null;
    }

    // TrimEnd: kept before 7 December, a letter cut at 200 characters could end in a space (DialogEngine.UnansweredSubject).
    private static string Kept(string text) => text.TrimEnd();

    public string TopicLabel(string? topic) => topic is null ? "" : understanding.Settings(topic)?.Label ?? topic;

    public string FaqQuestion(string? id) => id is null ? "" : understanding.FindFaq(id)?.Question ?? id;

    /// <summary>What a resident was given, as staff know it: an entry's question, an article's title, a topic's name.</summary>
    public string AnswerLabel(string? payload) => AnswerRef.Parse(payload) switch
    {
        { Kind: AnswerRef.Faq, Id: var id } => FaqQuestion(id),
        { Kind: AnswerRef.Article, Id: var id } => data.Content.FindArticle(id)?.Title ?? id,
        { Kind: AnswerRef.Topic, Id: var id } => TopicLabel(id),
        _ => payload ?? "",
    };

    public static string ActionFor(string kind) => kind switch
    {
        StaffPhrasingKinds.Example => AuditActions.UnansweredExampleAdded,
        StaffPhrasingKinds.Link => AuditActions.UnansweredLinked,
        StaffPhrasingKinds.NewFaq => AuditActions.UnansweredMarked,
        StaffPhrasingKinds.Confirmed => AuditActions.ModelAnswerConfirmed,
        _ => AuditActions.UnansweredIgnored,
    };

    private static bool Covers(StaffPhrasingRecord decision, Dictionary<string, IReadOnlySet<string>> words, AskedQuestion question, string? commune) =>
        DecisionCovering.Covers(decision, words[decision.Text], question, words[question.Text], commune);
}

/// <summary>The audit log's target kind for a staff phrasing (the audit page labels it).</summary>
public static class AuditTargets
{
    public const string StaffPhrasing = "staff_phrasing";
}
