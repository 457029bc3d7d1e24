namespace HaiHau.InfoBot.Core.Screening;

/// <summary>Every rule set the bot knows, by legal period; the screener picks the one in force on a given day.</summary>
public static class PovertyRuleSets
{
    public static readonly IReadOnlyList<PovertyRuleSet> All = [new Nd07Of2021RuleSet()];

    /// <summary>
    /// The rule set in force on <paramref name="day"/>. After the last known period the newest one is used and
    /// <c>PeriodEnded</c> is true, so the bot can say the standard may have changed; before the first: none.
    /// </summary>
    public static (PovertyRuleSet RuleSet, bool PeriodEnded)? For(DateOnly day)
    {
        if (All.FirstOrDefault(r => day >= r.ValidFrom && day <= r.ValidTo) is { } current)
        {
            return (current, false);
        }

        var newest = All.MaxBy(r => r.ValidTo)!;
        return day > newest.ValidTo ? (newest, true) : null;
    }

    /// <summary>The day in Vietnam (UTC+7, no daylight saving) at an instant: periods and deadlines are local days.</summary>
    public static DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(TimeSpan.FromHours(7)).DateTime);
}
