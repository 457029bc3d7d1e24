using System.Globalization;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Content;

/// <summary>Prints a fact's value the way a resident reads it.</summary>
public static class FactFormatter
{
    public static string Format(Fact fact, string? style = null)
    {
        switch (fact.Kind)
        {
            case FactKind.Money:
                var dong = decimal.Parse(fact.Value, CultureInfo.InvariantCulture);
                return style == "short" ? VietnameseFormat.MoneyShort(dong) : VietnameseFormat.Money(dong);
            case FactKind.Percent:
                return VietnameseFormat.Percent(decimal.Parse(fact.Value, CultureInfo.InvariantCulture));
            case FactKind.Date:
                return VietnameseFormat.Date(DateOnly.ParseExact(fact.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture));
            case FactKind.Number:
                var number = VietnameseFormat.Number(decimal.Parse(fact.Value, CultureInfo.InvariantCulture));
                return fact.Unit is null ? number : $"{number} {fact.Unit}";
            default:
                return fact.Value;
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
