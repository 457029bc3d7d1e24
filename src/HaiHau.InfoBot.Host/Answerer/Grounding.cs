using System.Globalization;
using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Host.Answerer;

/// <summary>
/// What a composed answer may state: the numbers, dates, legal references and office names found in the texts it was
/// grounded on (the retrieved entries, today's facts, what our kernel functions returned, the question itself).
/// Numbers are compared by value, so «1.500.000 đồng» grounds «1,5 triệu đồng»; dates and act numbers by their
/// digits, so «01/01/2027» is «1/1/2027» and «Nghị định 07/2021/NĐ-CP» is «07/2021».
/// </summary>
public sealed partial class Grounding
{
    private readonly HashSet<decimal> _numbers = [];
    private readonly HashSet<string> _slashed = new(StringComparer.Ordinal);
    private readonly System.Text.StringBuilder _folded = new(" ");

    public Grounding(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            Add(text);
        }
    }

    /// <summary>Adds a text the answer may draw on (a kernel function's result during the call).</summary>
    public void Add(string text)
    {
        foreach (var token in SlashTokens(text))
        {
            _slashed.Add(token);
            foreach (var part in token.Split('/'))
            {
                _numbers.Add(decimal.Parse(part, CultureInfo.InvariantCulture)); // "2027" of a date grounds «năm 2027»
            }
        }

        foreach (var number in Numbers(text))
        {
            _numbers.Add(number.Value);
        }

        _folded.Append(' ').Append(Fold(text)).Append(' ');
    }

    public bool HasNumber(decimal value) => _numbers.Contains(value);

    public bool HasSlashed(string token) => _slashed.Contains(token);

    /// <summary>True when the words (folded: lower case, no diacritics, single spaces) appear in a grounding text.</summary>
    public bool HasWords(string folded) => _folded.ToString().Contains(" " + folded + " ", StringComparison.Ordinal)
        || _folded.ToString().Contains(" " + folded, StringComparison.Ordinal);

    /// <summary>Dates and act numbers ("1/1/2027", "7/2021" for 07/2021/NĐ-CP), digits without leading zeros.</summary>
    public static IEnumerable<string> SlashTokens(string text) =>
        SlashPattern().Matches(text).Select(m => string.Join('/', m.Groups["n"].Captures.Select(c => Trim(c.Value))));

    /// <summary>Every other number in the text, by value: «1.500.000», «1,5 triệu», «200 triệu», «6,6%».</summary>
    public static IEnumerable<(string Text, decimal Value)> Numbers(string text)
    {
        var withoutSlashed = SlashPattern().Replace(text, " ");
        foreach (Match m in NumberPattern().Matches(withoutSlashed))
        {
            if (ParseNumber(m.Groups["v"].Value) is not { } value)
            {
                continue;
            }

            var scale = Fold(m.Groups["scale"].Value) switch
            {
                "ty" or "ti" => 1_000_000_000m,
                "trieu" => 1_000_000m,
                "nghin" or "ngan" => 1_000m,
                _ => 1m,
            };
            // 1,5 × 1.000.000 is 1500000.0: strip the trailing zeros, so equal values are equal keys.
            yield return (m.Value.Trim(), value * scale / 1.0000000000000000000000000000m);
        }
    }

    public static string Fold(string text) => string.Join(' ', VietnameseText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static decimal? ParseNumber(string raw)
    {
        // Vietnamese: dots group thousands (1.500.000), a comma is the decimal mark (1,5). "1.5" alone is read as 1,5.
        var grouped = ThousandsPattern().IsMatch(raw);
        var invariant = grouped ? raw.Replace(".", string.Empty, StringComparison.Ordinal) : raw.Replace(',', '.');
        return decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static string Trim(string digits)
    {
        var trimmed = digits.TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
    }

    [GeneratedRegex(@"(?<!\d)(?<n>\d{1,4})(?:/(?<n>\d{1,4}))+(?:/[\p{L}\d&\-]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex SlashPattern();

    [GeneratedRegex(@"(?<![\p{L}\d])(?<v>\d+(?:[.,]\d+)*)(?:\s*(?<scale>tỷ|tỉ|triệu|nghìn|ngàn)(?!\p{L}))?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+$", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsPattern();
}
