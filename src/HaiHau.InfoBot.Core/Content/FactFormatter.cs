using System.Globalization;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Content;

/// <summary>Prints a fact's value the way a resident reads it, as it stands on the day the bot speaks.</summary>
public static class FactFormatter
{
    /// <summary>How far ahead a coming change is announced next to today's value.</summary>
    public const int AnnounceDays = 60;

    /// <summary>Said in place of a value when the fact has none in force that day (validation keeps texts from it).</summary>
    public const string NoValue = "(cháu chưa có số liệu chắc chắn, bác hỏi UBND xã nơi bác ở)";

    /// <summary>
    /// The value in force on <paramref name="day"/>, and the confirmed next one when it starts within
    /// <see cref="AnnounceDays"/> days: "1.500.000 đồng (từ 1/1/2027: 2.200.000 đồng)".
    /// </summary>
    public static string Format(Fact fact, DateOnly day, string? style = null)
    {
        var current = fact.On(day);
        var text = current is null ? NoValue : Format(fact, current.Value, style);
        if (fact.NextAfter(day) is { Confirmed: true, ValidFrom: { } from } next
            && from.DayNumber - day.DayNumber <= AnnounceDays
            && (current is null || next.Value != current.Value))
        {
            text += $" (từ {VietnameseFormat.Date(from)}: {Format(fact, next.Value, style)})";
        }

        return text;
    }

    /// <summary>One raw value of the fact, printed.</summary>
    public static string Format(Fact fact, string value, string? style = null)
    {
        switch (fact.Kind)
        {
            case FactKind.Money:
                var dong = decimal.Parse(value, CultureInfo.InvariantCulture);
                return style == "short" ? VietnameseFormat.MoneyShort(dong) : VietnameseFormat.Money(dong);
            case FactKind.Percent:
                return VietnameseFormat.Percent(decimal.Parse(value, CultureInfo.InvariantCulture));
            case FactKind.Date:
                return VietnameseFormat.Date(DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture));
            case FactKind.Number:
                var number = VietnameseFormat.Number(decimal.Parse(value, CultureInfo.InvariantCulture));
                return fact.Unit is null ? number : $"{number} {fact.Unit}";
            default:
                return value;
        }
    }

    /// <summary>Checks that a raw value suits its kind; returns the problem or null.</summary>
    public static string? CheckValue(FactKind kind, string value) => kind switch
    {
        FactKind.Money or FactKind.Percent or FactKind.Number
            when !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
            => $"value \"{value}\" is not a number (write 1500000 or 6.6, without separators)",
        FactKind.Date when !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            => $"value \"{value}\" is not a date written YYYY-MM-DD",
        _ => null,
    };
}
