using System.Globalization;
using Humanizer;

namespace HaiHau.InfoBot.Core.Text;

/// <summary>Numbers, money and dates the Vietnamese way: 1.500.000 đồng, 1,5 triệu đồng, 6,6%, 9/12/2022.</summary>
public static class VietnameseFormat
{
    /// <summary>Vietnamese culture for Humanizer; number separators are fixed here so output never depends on ICU data.</summary>
    public static readonly CultureInfo Culture = CreateCulture();

    private static readonly NumberFormatInfo Numbers = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    public static string Number(decimal value) =>
        value == decimal.Truncate(value)
            ? value.ToString("#,0", Numbers)
            : value.ToString("#,0.##", Numbers);

    public static string Money(decimal dong) => $"{Number(dong)} đồng";

    /// <summary>"1,5 triệu đồng", "100 triệu đồng", "30 nghìn đồng", "2 tỷ đồng".</summary>
    public static string MoneyShort(decimal dong)
    {
        var (scale, word) = Math.Abs(dong) switch
        {
            >= 1_000_000_000 => (1_000_000_000m, "tỷ"),
            >= 1_000_000 => (1_000_000m, "triệu"),
            >= 1_000 => (1_000m, "nghìn"),
            _ => (1m, string.Empty),
        };
        return word.Length == 0 ? Money(dong) : $"{Number(Math.Round(dong / scale, 2))} {word} đồng";
    }

    public static string Percent(decimal value) => $"{Number(value)}%";

    public static string Date(DateOnly date) => date.ToString("d/M/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"2 ngày", "5 giờ": how long, in Vietnamese words (Humanizer's vi resources).</summary>
    public static string Duration(TimeSpan span) => span.Humanize(precision: 1, culture: Culture);

    private static CultureInfo CreateCulture()
    {
        try
        {
            return CultureInfo.GetCultureInfo("vi");
        }
        catch (CultureNotFoundException)
        {
            // Invariant-globalisation hosts have no "vi": Humanizer then falls back to its neutral resources.
            return CultureInfo.InvariantCulture;
        }
    }
}
