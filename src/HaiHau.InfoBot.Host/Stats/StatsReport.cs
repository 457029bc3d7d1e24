namespace HaiHau.InfoBot.Host.Stats;

// The one shape of the statistics: the page, the API's JSON (snake_case), the CLI and the exports all read it.
// Every commune, channel, topic and class carries its name in words beside its code; no label is ever empty.

/// <summary>The «Thống kê» figures of one period, each compared with the previous period of the same length.</summary>
public sealed record StatsReport(
    StatsPeriod Period,
    ConversationStats Conversations,
    ResidentStats Residents,
    IReadOnlyList<ChannelMessages> MessagesByChannel,
    IReadOnlyList<TopicQuestions> QuestionsByTopic,
    UnansweredStats Unanswered,
    ScreenerStats Screener,
    RegistrationStats Registrations,
    AnnouncementStats Announcements,
    ReachStats Reach);

public sealed record StatsPeriod(DateOnly From, DateOnly To, int Days, DateOnly PreviousFrom, DateOnly PreviousTo, string? Commune, string CommuneName, string TimeZone);

/// <summary>A figure and the same figure in the previous period.</summary>
public sealed record Compared(int Current, int Previous)
{
    public int Change => Current - Previous;

    /// <summary>Change in percent of the previous figure (one decimal); null when the previous was 0.</summary>
    public decimal? ChangePercent => Previous == 0 ? null : Math.Round(100m * Change / Previous, 1);
}

public sealed record ChannelCount(string Channel, string Label, Compared Count);

/// <summary>One step of the chart over time: a day, or a month when the period is longer than two months.</summary>
public sealed record TimePoint(string Label, DateOnly From, int Conversations, int ActiveResidents, int NewResidents, int MessagesIn);

public sealed record ConversationStats(Compared Total, Compared New, Compared Returning, IReadOnlyList<ChannelCount> ByChannel, IReadOnlyList<TimePoint> OverTime);

public sealed record CommuneResidents(string? Commune, string Name, Compared Active, Compared New);

public sealed record ResidentStats(Compared New, Compared Active, Compared Returning, IReadOnlyList<ChannelCount> ActiveByChannel, IReadOnlyList<CommuneResidents> ByCommune);

public sealed record ChannelMessages(string Channel, string Label, Compared In, Compared Out);

public sealed record TopicQuestions(string Topic, string Label, Compared Total, int Answered, int AskedBack, int Referred, int NotUnderstood)
{
    public decimal? AnsweredPercent => Share(Answered);

    public decimal? AskedBackPercent => Share(AskedBack);

    public decimal? ReferredPercent => Share(Referred);

    public decimal? NotUnderstoodPercent => Share(NotUnderstood);

    private decimal? Share(int n) => StatsShares.Percent(n, Total.Current);
}

/// <summary>
/// What the typed questions came to, and how often a resident asked for an officer (a «Gặp cán bộ» button or the words,
/// from any dialog): the demand the bot sent on to people, which staff plan the commune's desk by.
/// Guessed: of the answered, those the assistant guessed (<see cref="StatsGuesses"/>); of these, those staff confirmed
/// right and those they corrected so far (as of the report: a past period's review figures grow as staff review).
/// </summary>
public sealed record UnansweredStats(Compared Questions, Compared Answered, Compared AskedBack, Compared Referred, Compared NotUnderstood, Compared OfficerRequests,
    Compared Guessed, Compared GuessedConfirmed, Compared GuessedCorrected)
{
    /// <summary>Questions not answered (referred or not understood) in percent of all questions.</summary>
    public decimal? Percent => StatsShares.Percent(Referred.Current + NotUnderstood.Current, Questions.Current);

    public decimal? PreviousPercent => StatsShares.Percent(Referred.Previous + NotUnderstood.Previous, Questions.Previous);
}

public sealed record ResultCount(string Result, string Label, Compared Count);

public sealed record ScreenerStats(Compared Runs, Compared Completions, IReadOnlyList<ResultCount> Results)
{
    public decimal? CompletionPercent => StatsShares.Percent(Completions.Current, Runs.Current);
}

public sealed record TopicCount(string Topic, string Label, int Subscribers);

public sealed record RegistrationStats(Compared Started, Compared Consented, Compared Linked, IReadOnlyList<TopicCount> SubscribersByTopic);

/// <summary>
/// One announcement's (or one commune's) deliveries. Delivered: sent to Telegram or Zalo, or shown in the web chat;
/// opened: only the web chat tells (a web resident opened the chat and saw it); not yet seen: web residents who have
/// not opened the chat since; waiting: Telegram or Zalo copies not sent yet (quiet hours, pacing).
/// </summary>
public sealed record AnnouncementLine(long? Id, string? Commune, string Name, DateOnly? Scheduled, int Targeted, int Delivered, int Failed, int Unreachable, int NotYetSeen, int Opened, int Waiting);

public sealed record AnnouncementStats(IReadOnlyList<AnnouncementLine> Items, IReadOnlyList<AnnouncementLine> ByCommune, AnnouncementLine Total);

public sealed record ReachCommune(string? Commune, string Name, int Households, int Reached, int NotReached, decimal? Percent, decimal? PreviousPercent, bool MeetsTarget);

public sealed record ReachStats(decimal TargetPercent, int ListYear, IReadOnlyList<ReachCommune> Communes, ReachCommune Total, string Definition);

internal static class StatsShares
{
    public static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1);
}
