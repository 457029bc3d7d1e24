namespace HaiHau.InfoBot.Core.Delivery;

/// <summary>
/// The night-time window in which no announcement goes out (default 21:00–06:30 in Vietnam). Replies to a
/// resident who just wrote are never held: only bulk sending pauses. A window may cross midnight.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End, TimeZoneInfo Zone)
{
    public static TimeZoneInfo VietnamZone => TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public bool IsQuiet(DateTimeOffset now)
    {
        if (Start == End)
        {
            return false; // an empty window: quiet hours switched off
        }

        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);
        return Start < End ? local >= Start && local < End : local >= Start || local < End;
    }

    /// <summary>When the current quiet window ends (the same instant when it is not quiet now).</summary>
    public DateTimeOffset EndsAt(DateTimeOffset now)
    {
        if (!IsQuiet(now))
        {
            return now;
        }

        var local = TimeZoneInfo.ConvertTime(now, Zone);
        var endToday = new DateTimeOffset(local.Date + End.ToTimeSpan(), local.Offset);
        return endToday > local ? endToday : endToday.AddDays(1);
    }
}
