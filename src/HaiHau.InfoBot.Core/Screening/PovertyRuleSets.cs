using HaiHau.InfoBot.Core.Content;

namespace HaiHau.InfoBot.Core.Screening;

/// <summary>Every rule set the bot knows, by legal period; the screener picks the one in force on a given day.</summary>
public static class PovertyRuleSets
{
    public static readonly IReadOnlyList<PovertyRuleSet> All = [new Nd07Of2021RuleSet(), new Nd351Of2025RuleSet()];

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

    /// <summary>
    /// Screens on a day with the rule set in force, and adds the next period's income line when it starts within
    /// <see cref="FactFormatter.AnnounceDays"/> days (in December 2026: the 2027 line). Null before 2022.
    /// </summary>
    public static ScreeningResult? Screen(ScreeningInput input, IContentStore content, DateOnly day)
    {
        if (For(day) is not { } found)
        {
            return null;
        }

        var (rules, ended) = found;

        var result = rules.Classify(input, content, day, ended);
        var nextStart = rules.ValidTo.AddDays(1);
        if (!ended && All.Any(r => r.ValidFrom == nextStart) && nextStart.DayNumber - day.DayNumber <= FactFormatter.AnnounceDays
            && PovertyRuleSet.Line(content, input.Area, nextStart) is { } next && next != result.IncomeLine)
        {
            result = result with { NextLine = next, NextLineFrom = nextStart };
        }

        return result;
    }

    /// <summary>The day in Vietnam (UTC+7, no daylight saving) at an instant: periods and deadlines are local days.</summary>
    public static DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(TimeSpan.FromHours(7)).DateTime);

    /// <summary>Today in Vietnam by the engine's clock.</summary>
    public static DateOnly Today(TimeProvider time) => LocalDay(time.GetUtcNow());
}
