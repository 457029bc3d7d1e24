using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Dialogs.Nodes;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Reach;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Reach;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Stats;

/// <summary>
/// The one query behind the «Thống kê» page, GET /api/admin/stats and «report engagement»: every figure of a period,
/// computed again for the previous period of the same length. Reads the turn events, conversations, resident
/// profiles, outbox, announcements and the anonymous screener tally; reach comes from <see cref="ReachReport"/>.
/// A conversation belongs to a commune only through its resident's registration with consent to statistics (as in
/// the reach log); a commune's figures, and a commune officer's, count only those.
/// </summary>
public sealed class StatsService(
    IDbContextFactory<InfoBotDbContext> factory, ReachReport reach, ReachPresenter reachWords, StatsLabels labels,
    IContentStore content, IQuestionUnderstanding understanding, DialogCatalog dialogs, EngineOptions engine)
{
    private static readonly string[] EventNames =
    [
        EventKinds.MessageReceived.Name, EventKinds.DialogStarted.Name, EventKinds.ScreeningCompleted.Name,
        EventKinds.QuestionUnderstood.Name, EventKinds.QuestionAnswered.Name, EventKinds.QuestionAmbiguous.Name,
        EventKinds.QuestionUnanswered.Name, EventKinds.QuestionReferred.Name, EventKinds.HandoffRequested.Name,
        EventKinds.QuestionModelAnswered.Name,
    ];

    // The screener and the registration are the dialogs holding their nodes, as the reach log finds the screener's topic.
    private readonly HashSet<string> _screeners = dialogs.All.Where(d => d.Nodes.Values.OfType<ScreenNode>().Any()).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _registrations = dialogs.All.Where(d => d.Nodes.Values.OfType<LinkHouseholdNode>().Any()).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

    public async Task<StatsReport> RunAsync(StatsQuery query, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var people = await PeopleAsync(db, ct);
        var now = await FiguresAsync(db, people, query, ct);
        var before = await FiguresAsync(db, people, query.Previous, ct);
        var communes = content.Communes.Select(c => c.Code).ToList();
        var reachNow = await reach.RunAsync(new ReachQuery(query.From, query.To, query.Year, query.Commune), communes, ct);
        var reachBefore = await reach.RunAsync(new ReachQuery(query.Previous.From, query.Previous.To, query.Year, query.Commune), communes, ct);
        var announcements = await AnnouncementsAsync(db, people, query, ct);
        var decided = await db.StaffPhrasings.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
        var words = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        IReadOnlySet<string> Words(string text) => words.TryGetValue(text, out var w) ? w : words[text] = understanding.Tokens(text).ToHashSet(StringComparer.Ordinal);
        var (confirmed, corrected) = StatsGuesses.Reviewed(now.Guesses, decided, Words, people.HomeOf);
        var (confirmedBefore, correctedBefore) = StatsGuesses.Reviewed(before.Guesses, decided, Words, people.HomeOf);

        return new StatsReport(
            new StatsPeriod(query.From, query.To, query.Days, query.Previous.From, query.Previous.To, query.Commune, labels.Scope(query.Commune), "Giờ Việt Nam (UTC+7)"),
            new ConversationStats(C(now.Sessions, before.Sessions), C(now.NewSessions, before.NewSessions), C(now.ReturningSessions, before.ReturningSessions),
                ByChannel(now.SessionsByChannel, before.SessionsByChannel), now.OverTime),
            new ResidentStats(C(now.NewResidents.Count, before.NewResidents.Count), C(now.Active.Count, before.Active.Count),
                C(now.ReturningResidents, before.ReturningResidents),
                ByChannel(Count(now.Active.Values), Count(before.Active.Values)),
                ResidentsByCommune(query, people, now, before)),
            Messages(now, before),
            Topics(now, before),
            new UnansweredStats(C(now.Questions.Count, before.Questions.Count), C(Outcomes(now, Outcome.Answered), Outcomes(before, Outcome.Answered)),
                C(Outcomes(now, Outcome.AskedBack), Outcomes(before, Outcome.AskedBack)), C(Outcomes(now, Outcome.Referred), Outcomes(before, Outcome.Referred)),
                C(Outcomes(now, Outcome.NotUnderstood), Outcomes(before, Outcome.NotUnderstood)), C(now.OfficerRequests, before.OfficerRequests),
                C(now.Guesses.Count, before.Guesses.Count), C(confirmed, confirmedBefore), C(corrected, correctedBefore)),
            new ScreenerStats(C(now.ScreenerRuns, before.ScreenerRuns), C(now.Screenings, before.Screenings),
                StatsLabels.ScreenerResults.Select(r => new ResultCount(r, StatsLabels.ScreenerResult(r), C(now.Results.GetValueOrDefault(r), before.Results.GetValueOrDefault(r)))).ToList()),
            new RegistrationStats(C(now.RegistrationsStarted, before.RegistrationsStarted), C(now.Consented, before.Consented), C(now.Linked, before.Linked),
                await SubscribersAsync(db, people, query, ct)),
            announcements,
            Reach(reachNow, reachBefore));
    }

    private static Compared C(int current, int previous) => new(current, previous);

    private static int Outcomes(Figures f, Outcome outcome) => f.Questions.Count(q => q.Outcome == outcome);

    private static Dictionary<string, int> Count(IEnumerable<string> channels) =>
        channels.GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static List<ChannelCount> ByChannel(Dictionary<string, int> now, Dictionary<string, int> before) =>
        now.Keys.Union(before.Keys).Order(StringComparer.Ordinal)
            .Select(c => new ChannelCount(c, ConsoleLabels.Channel(c), C(now.GetValueOrDefault(c), before.GetValueOrDefault(c))))
            .OrderByDescending(c => c.Count.Current).ThenBy(c => c.Label, StringComparer.Ordinal).ToList();

    private static List<ChannelMessages> Messages(Figures now, Figures before) =>
        now.In.Keys.Union(now.Out.Keys).Union(before.In.Keys).Union(before.Out.Keys).Distinct(StringComparer.Ordinal)
            .Select(c => new ChannelMessages(c, ConsoleLabels.Channel(c), C(now.In.GetValueOrDefault(c), before.In.GetValueOrDefault(c)), C(now.Out.GetValueOrDefault(c), before.Out.GetValueOrDefault(c))))
            .OrderByDescending(m => m.In.Current + m.Out.Current).ThenBy(m => m.Label, StringComparer.Ordinal).ToList();

    private List<TopicQuestions> Topics(Figures now, Figures before)
    {
        var previous = before.Questions.GroupBy(q => q.Topic ?? "", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return now.Questions.GroupBy(q => q.Topic ?? "", StringComparer.Ordinal)
            .Select(g => new TopicQuestions(g.Key.Length == 0 ? "unknown" : g.Key, ConsoleLabels.Topic(understanding, g.Key), C(g.Count(), previous.GetValueOrDefault(g.Key)),
                g.Count(q => q.Outcome == Outcome.Answered), g.Count(q => q.Outcome == Outcome.AskedBack), g.Count(q => q.Outcome == Outcome.Referred), g.Count(q => q.Outcome == Outcome.NotUnderstood)))
            .OrderByDescending(t => t.Total.Current).ThenBy(t => t.Label, StringComparer.Ordinal).ToList();
    }

    private List<CommuneResidents> ResidentsByCommune(StatsQuery query, People people, Figures now, Figures before)
    {
        List<string?> communes = query.Commune is { } only ? [only] : [.. content.Communes.Select(c => c.Code), null];
        return communes.Select(c => new CommuneResidents(c, labels.Commune(c),
                C(now.Active.Keys.Count(id => people.CommuneOf(id) == c), before.Active.Keys.Count(id => people.CommuneOf(id) == c)),
                C(now.NewResidents.Count(id => people.CommuneOf(id) == c), before.NewResidents.Count(id => people.CommuneOf(id) == c))))
            .ToList();
    }

    private ReachStats Reach(ReachResult now, ReachResult before)
    {
        var target = reachWords.Target;
        ReachCommune Line(ReachLine line)
        {
            var previous = line.Commune.Length == 0 ? before.District : before.Communes.FirstOrDefault(c => c.Commune == line.Commune);
            return new ReachCommune(line.Commune.Length == 0 ? null : line.Commune, reachWords.LineName(now, line), line.Households, line.Reached,
                line.Households - line.Reached, line.Percent, previous?.Percent, line.Percent >= target);
        }

        return new ReachStats(target, now.Query.ListYear, now.Communes.Select(Line).ToList(), Line(now.District), reachWords.Definition(now));
    }

    /// <summary>Who is who: each conversation's channel, when it began, and its commune (statistics consent only).</summary>
    private sealed record People(Dictionary<long, string> Channel, Dictionary<long, DateTimeOffset> Created, Dictionary<long, string> Commune, Dictionary<long, string> Home)
    {
        public string? CommuneOf(long conversation) => Commune.GetValueOrDefault(conversation);

        /// <summary>The commune the resident registered in, whatever their statistics consent: where announcements went.</summary>
        public string? HomeOf(long conversation) => Home.GetValueOrDefault(conversation);
    }

    private async Task<People> PeopleAsync(InfoBotDbContext db, CancellationToken ct)
    {
        var conversations = await db.Conversations.AsNoTracking().Select(c => new { c.Id, c.Channel, c.CreatedAt }).ToListAsync(ct);
        var profiles = await db.ResidentProfiles.AsNoTracking().Where(p => p.CommuneCode != null)
            .Select(p => new { p.ConversationId, p.CommuneCode, p.ConsentStatistics }).ToListAsync(ct);
        var home = new Dictionary<long, string>();
        var counted = new Dictionary<long, string>();
        foreach (var p in profiles)
        {
            if (labels.Today(p.CommuneCode) is { } today)
            {
                home[p.ConversationId] = today;
                if (p.ConsentStatistics)
                {
                    counted[p.ConversationId] = today;
                }
            }
        }

        return new People(conversations.ToDictionary(c => c.Id, c => c.Channel), conversations.ToDictionary(c => c.Id, c => c.CreatedAt), counted, home);
    }

    private enum Outcome
    {
        Answered,
        AskedBack,
        Referred,
        NotUnderstood,
    }

    private sealed record Question(string? Topic, Outcome Outcome);

    private sealed class Figures
    {
        public int Sessions { get; set; }

        public int NewSessions { get; set; }

        public int ReturningSessions { get; set; }

        public Dictionary<string, int> SessionsByChannel { get; } = new(StringComparer.Ordinal);

        /// <summary>Conversations that wrote in the period, with their channel.</summary>
        public Dictionary<long, string> Active { get; } = [];

        public HashSet<long> NewResidents { get; } = [];

        /// <summary>Active in the period, first seen before it.</summary>
        public int ReturningResidents => Active.Keys.Count(id => !NewResidents.Contains(id));

        public Dictionary<string, int> In { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Out { get; } = new(StringComparer.Ordinal);

        public List<Question> Questions { get; } = [];

        public int OfficerRequests { get; set; }

        public List<StatsGuesses.Guess> Guesses { get; } = [];

        public int ScreenerRuns { get; set; }

        public int Screenings { get; set; }

        public Dictionary<string, int> Results { get; } = new(StringComparer.Ordinal);

        public int RegistrationsStarted { get; set; }

        public int Consented { get; set; }

        public int Linked { get; set; }

        public IReadOnlyList<TimePoint> OverTime { get; set; } = [];
    }

    private async Task<Figures> FiguresAsync(InfoBotDbContext db, People people, StatsQuery q, CancellationToken ct)
    {
        var (start, end) = (q.Start, q.End);
        bool Counted(long conversation) => q.Commune is null || people.CommuneOf(conversation) == q.Commune;
        var f = new Figures();
        var events = (await db.TurnEvents.AsNoTracking().Where(e => e.At >= start && e.At < end && EventNames.Contains(e.Kind))
                .Select(e => new { e.ConversationId, e.Channel, e.Kind, e.Subject, e.At, e.InboxId }).ToListAsync(ct))
            .Where(e => Counted(e.ConversationId)).OrderBy(e => e.At).ToList();

        // Residents and conversations: a conversation (a session) starts with a resident's first message in the period,
        // and again after the engine's idle timeout, when the bot greets them afresh.
        var received = EventKinds.MessageReceived.Name;
        var lastSeen = new Dictionary<long, DateTimeOffset>();
        var sessionStarts = new List<(long Conversation, DateTimeOffset At)>();
        foreach (var e in events.Where(e => e.Kind == received))
        {
            f.In[e.Channel] = f.In.GetValueOrDefault(e.Channel) + 1;
            f.Active[e.ConversationId] = e.Channel;
            if (!lastSeen.TryGetValue(e.ConversationId, out var last) || e.At - last > engine.IdleTimeout)
            {
                sessionStarts.Add((e.ConversationId, e.At));
                f.SessionsByChannel[e.Channel] = f.SessionsByChannel.GetValueOrDefault(e.Channel) + 1;
            }

            lastSeen[e.ConversationId] = e.At;
        }

        foreach (var (id, created) in people.Created)
        {
            if (created >= start && created < end && Counted(id))
            {
                f.NewResidents.Add(id);
            }
        }

        f.Sessions = sessionStarts.Count;
        f.NewSessions = sessionStarts.Count(s => f.NewResidents.Contains(s.Conversation));
        f.ReturningSessions = f.Sessions - f.NewSessions;

        // Questions: one per turn that tried to understand free text, judged by what the turn did. The events below are
        // not the understanding's: a turn that only opened a dialog or asked for an officer asked no question.
        // A guess is logged beside its turn's question_answered: it says how the question was answered, it is not one.
        string[] notQuestions = [received, EventKinds.DialogStarted.Name, EventKinds.ScreeningCompleted.Name, EventKinds.HandoffRequested.Name,
            EventKinds.QuestionModelAnswered.Name];
        foreach (var turn in events.Where(e => e.InboxId is not null && !notQuestions.Contains(e.Kind)).GroupBy(e => e.InboxId))
        {
            var kinds = turn.Select(e => (Kind: EventKinds.Find(e.Kind), e.Subject)).ToList();
            var understood = kinds.FirstOrDefault(k => k.Kind == EventKinds.QuestionUnderstood).Subject;
            var ambiguous = kinds.FirstOrDefault(k => k.Kind == EventKinds.QuestionAmbiguous);
            var answered = kinds.FirstOrDefault(k => k.Kind == EventKinds.QuestionAnswered);
            f.Questions.Add(
                ambiguous.Kind is not null ? new Question(ambiguous.Subject?.Split('|')[0], Outcome.AskedBack)
                : kinds.Any(k => k.Kind == EventKinds.QuestionReferred) ? new Question(understood, Outcome.Referred)
                : kinds.Any(k => k.Kind == EventKinds.QuestionUnanswered) ? new Question(understood, Outcome.NotUnderstood)
                : new Question(understood ?? TopicOf(answered.Subject), Outcome.Answered));
        }

        f.OfficerRequests = events.Count(e => e.Kind == EventKinds.HandoffRequested.Name);
        f.Guesses.AddRange(events.Where(e => e.Kind == EventKinds.QuestionModelAnswered.Name).Select(e => new StatsGuesses.Guess(e.ConversationId, e.At, e.Subject)));
        f.ScreenerRuns = events.Count(e => e.Kind == EventKinds.DialogStarted.Name && e.Subject is { } d && _screeners.Contains(d));
        f.Screenings = events.Count(e => e.Kind == EventKinds.ScreeningCompleted.Name);
        f.RegistrationsStarted = events.Where(e => e.Kind == EventKinds.DialogStarted.Name && e.Subject is { } d && _registrations.Contains(d)).Select(e => e.ConversationId).Distinct().Count();

        // The screener's classes come only from the anonymous tally (per day and commune, never per person).
        var (firstDay, lastDay) = (ReachDay.Of(q.From), ReachDay.Of(q.To));
        var tallies = await db.ScreeningTallies.AsNoTracking().Where(t => t.Day >= firstDay && t.Day <= lastDay && (q.Commune == null || t.CommuneCode == q.Commune))
            .GroupBy(t => t.Result).Select(g => new { Result = g.Key, Count = g.Sum(t => t.Count) }).ToListAsync(ct);
        foreach (var t in tallies)
        {
            f.Results[t.Result] = t.Count;
        }

        var profiles = await db.ResidentProfiles.AsNoTracking()
            .Where(p => (p.ConsentedAt >= start && p.ConsentedAt < end) || (p.LinkedAt >= start && p.LinkedAt < end))
            .Select(p => new { p.ConversationId, p.ConsentedAt, p.ConsentAnnouncements, p.ConsentStatistics, p.LinkedAt, p.HouseholdId }).ToListAsync(ct);
        f.Consented = profiles.Count(p => p.ConsentedAt >= start && p.ConsentedAt < end && (p.ConsentAnnouncements || p.ConsentStatistics) && Counted(p.ConversationId));
        f.Linked = profiles.Count(p => p.LinkedAt >= start && p.LinkedAt < end && p.HouseholdId != null && Counted(p.ConversationId));

        var sent = await db.Outbox.AsNoTracking().Where(o => o.Status == OutboxStatus.Sent && o.SentAt >= start && o.SentAt < end)
            .GroupBy(o => new { o.ConversationId, o.Channel }).Select(g => new { g.Key.ConversationId, g.Key.Channel, Count = g.Count() }).ToListAsync(ct);
        foreach (var s in sent.Where(s => Counted(s.ConversationId)))
        {
            f.Out[s.Channel] = f.Out.GetValueOrDefault(s.Channel) + s.Count;
        }

        f.OverTime = OverTime(q, events.Where(e => e.Kind == received).Select(e => (e.ConversationId, e.At)).ToList(), sessionStarts, people, f.NewResidents);
        return f;
    }

    private string? TopicOf(string? answer) => AnswerRef.Parse(answer) switch
    {
        { Kind: AnswerRef.Faq } faq => understanding.FindFaq(faq.Id)?.Topic,
        { Kind: AnswerRef.Article } article => content.FindArticle(article.Id)?.Topic,
        { Kind: AnswerRef.Topic } topic => topic.Id,
        _ => null,
    };

    /// <summary>Days for a period of up to two months, months for longer ones.</summary>
    private static List<TimePoint> OverTime(StatsQuery q, List<(long Conversation, DateTimeOffset At)> received, List<(long Conversation, DateTimeOffset At)> sessions,
        People people, HashSet<long> newResidents)
    {
        var byMonth = q.Days > 62;
        DateOnly Bucket(DateTimeOffset at)
        {
            var day = DateOnly.FromDateTime(at.ToOffset(ReachDay.Vietnam).DateTime);
            return byMonth ? new DateOnly(day.Year, day.Month, 1) : day;
        }

        var points = new List<TimePoint>();
        for (var from = byMonth ? new DateOnly(q.From.Year, q.From.Month, 1) : q.From; from <= q.To; from = byMonth ? from.AddMonths(1) : from.AddDays(1))
        {
            var bucket = from;
            var active = received.Where(r => Bucket(r.At) == bucket).ToList();
            points.Add(new TimePoint(byMonth ? $"{bucket.Month}/{bucket.Year}" : $"{bucket.Day}/{bucket.Month}", bucket,
                sessions.Count(s => Bucket(s.At) == bucket),
                active.Select(a => a.Conversation).Distinct().Count(),
                newResidents.Count(id => Bucket(people.Created[id]) == bucket),
                active.Count));
        }

        return points;
    }

    private async Task<List<TopicCount>> SubscribersAsync(InfoBotDbContext db, People people, StatsQuery q, CancellationToken ct)
    {
        var profiles = await db.ResidentProfiles.AsNoTracking().Where(p => p.ConsentAnnouncements && p.AnnouncementsStoppedAt == null)
            .Select(p => new { p.ConversationId, p.Topics }).ToListAsync(ct);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in profiles.Where(p => q.Commune is null || people.HomeOf(p.ConversationId) == q.Commune))
        {
            var topics = (p.Topics ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var topic in topics.Length == 0 ? [""] : topics)
            {
                counts[topic] = counts.GetValueOrDefault(topic) + 1;
            }
        }

        var news = await db.NewsSubscriptions.AsNoTracking().Select(n => new { n.ConversationId, n.Kind, n.CommuneCode }).ToListAsync(ct);
        var lines = counts.Select(c => new TopicCount(c.Key.Length == 0 ? "none" : c.Key, labels.Topic(c.Key), c.Value)).ToList();
        lines.AddRange(news.Where(n => q.Commune is null || (people.HomeOf(n.ConversationId) ?? labels.Today(n.CommuneCode)) == q.Commune)
            .GroupBy(n => n.Kind, StringComparer.Ordinal).Select(g => new TopicCount("news:" + g.Key, StatsLabels.News(g.Key), g.Count())));
        return lines.OrderByDescending(l => l.Subscribers).ThenBy(l => l.Label, StringComparer.Ordinal).ToList();
    }

    /// <summary>Announcements that began going out (or were due) in the period: per announcement, per commune, in all.</summary>
    private async Task<AnnouncementStats> AnnouncementsAsync(InfoBotDbContext db, People people, StatsQuery q, CancellationToken ct)
    {
        var (start, end) = (q.Start, q.End);
        var broadcasts = await db.Broadcasts.AsNoTracking().Where(b => b.StartedAt != null && b.StartedAt >= start && b.StartedAt < end)
            .Select(b => new { b.Id, b.Text, b.StartedAt }).ToListAsync(ct);
        var ids = broadcasts.Select(b => b.Id).ToList();
        var rows = (await db.Outbox.AsNoTracking().Where(o => o.BroadcastId != null && ids.Contains(o.BroadcastId.Value) && o.Status != OutboxStatus.Cancelled)
                .Select(o => new { BroadcastId = o.BroadcastId!.Value, o.ConversationId, o.Channel, o.Status }).ToListAsync(ct))
            .Select(o => (o.BroadcastId, Commune: people.HomeOf(o.ConversationId), o.Channel, o.Status))
            .Where(o => q.Commune is null || o.Commune == q.Commune).ToList();

        AnnouncementLine Line(long? id, string? commune, string name, DateOnly? scheduled, IEnumerable<(long, string?, string Channel, OutboxStatus Status)> of)
        {
            var list = of.ToList();
            var web = list.Where(o => o.Channel == WebChat.WebChatApi.Channel).ToList();
            return new AnnouncementLine(id, commune, name, scheduled, list.Count, list.Count(o => o.Status == OutboxStatus.Sent), list.Count(o => o.Status == OutboxStatus.Failed),
                list.Count(o => o.Status == OutboxStatus.Unreachable), web.Count(o => o.Status == OutboxStatus.Pending), web.Count(o => o.Status == OutboxStatus.Sent),
                list.Count(o => o.Channel != WebChat.WebChatApi.Channel && o.Status == OutboxStatus.Pending));
        }

        var items = broadcasts.OrderBy(b => b.StartedAt).Select(b => Line(b.Id, null, Excerpt(b.Text),
            DateOnly.FromDateTime(b.StartedAt!.Value.ToOffset(ReachDay.Vietnam).DateTime), rows.Where(r => r.BroadcastId == b.Id))).ToList();
        List<string?> communes = q.Commune is { } only ? [only] : [.. content.Communes.Select(c => c.Code), null];
        var byCommune = communes.Select(c => Line(null, c, labels.Commune(c), null, rows.Where(r => r.Commune == c))).Where(l => l.Targeted > 0 || l.Commune is not null).ToList();
        return new AnnouncementStats(items, byCommune, Line(null, q.Commune, labels.Scope(q.Commune), null, rows));
    }

    private static string Excerpt(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 80 ? line : line[..79].TrimEnd() + "…";
    }
}
