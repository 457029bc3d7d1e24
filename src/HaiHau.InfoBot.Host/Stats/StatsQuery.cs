using HaiHau.InfoBot.Storage.Reach;

namespace HaiHau.InfoBot.Host.Stats;

/// <summary>
/// A statistics period: Vietnam calendar days, both included, limited to one of today's communes or not, with the
/// household list year the reach figures count against (default: the year of <see cref="From"/>).
/// </summary>
public sealed record StatsQuery(DateOnly From, DateOnly To, string? Commune, int? ListYear = null)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The period of the same length that ends the day before this one starts: what every figure is compared with.</summary>
    public StatsQuery Previous => this with { From = From.AddDays(-Days), To = From.AddDays(-1) };

    /// <summary>The first instant of the period (midnight in Vietnam), in UTC as the store keeps instants.</summary>
    public DateTimeOffset Start => new DateTimeOffset(From.ToDateTime(TimeOnly.MinValue), ReachDay.Vietnam).ToUniversalTime();

    /// <summary>The first instant after the period, in UTC.</summary>
    public DateTimeOffset End => new DateTimeOffset(To.AddDays(1).ToDateTime(TimeOnly.MinValue), ReachDay.Vietnam).ToUniversalTime();

    public int Year => ListYear ?? From.Year;

    /// <summary>The calendar month holding <paramref name="day"/>.</summary>
    public static (DateOnly From, DateOnly To) Month(DateOnly day)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        return (first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>The calendar quarter holding <paramref name="day"/>.</summary>
    public static (DateOnly From, DateOnly To) Quarter(DateOnly day)
    {
        var first = new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1);
        return (first, first.AddMonths(3).AddDays(-1));
    }

    /// <summary>Today in Vietnam.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ReachDay.Vietnam).DateTime);
}
