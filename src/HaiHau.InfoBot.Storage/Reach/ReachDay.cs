using System.Globalization;

namespace HaiHau.InfoBot.Storage.Reach;

/// <summary>Days of the reach log: the calendar day in Vietnam (UTC+7, no daylight saving) as the integer yyyymmdd.</summary>
public static class ReachDay
{
    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static int Of(DateTimeOffset at)
    {
        var local = at.ToOffset(Vietnam);
        return Of(DateOnly.FromDateTime(local.DateTime));
    }

    public static int Of(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    public static DateOnly ToDate(int day) => new(day / 10000, day / 100 % 100, day % 100);

    /// <summary>"2022-09" for the month breakdown.</summary>
    public static string Month(int day) => (day / 100).ToString(CultureInfo.InvariantCulture).Insert(4, "-");
}
