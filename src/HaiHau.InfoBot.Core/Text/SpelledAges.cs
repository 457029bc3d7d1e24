using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Text;

/// <summary>
/// Ages said in words, as older residents type or dictate them («bà tròn tám mươi tuổi», «ông sáu mươi tư tuổi», «tôi
/// sáu chín tuổi», «lăm mươi lăm tuổi»), written as digits («80 tuổi»): the age rules read digits only, so «tám mươi
/// tuổi» did not name the elderly allowance's age group and its entry was only offered beside a referral. Only the
/// words right before «tuổi» are read; «năm nay», «bà» (marked) and «mấy» end them. «năm sáu tuổi», «hai ba tuổi»
/// are «five or six», a range, so two plain digits one apart are not read as tens and units («sáu chín» is 69).
/// </summary>
public static partial class SpelledAges
{
    /// <summary>The words that say a digit or ten, as written with their marks: a marked word that is none of these («bà», «từ») is no number.</summary>
    private static readonly HashSet<string> Marked = new(
        ["một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "nhăm", "sáu", "bảy", "tám", "chín", "mười", "mươi"], StringComparer.Ordinal);

    /// <summary>«tư», «lăm», «nhăm» are a digit only after «mươi» or another digit («hai mươi lăm», «sáu lăm»).</summary>
    private static readonly HashSet<string> OnlyAfter = new(["tu", "lam", "nham"], StringComparer.Ordinal);

    private const int Ten = 10;

    /// <summary>At most this many words before «tuổi» make an age («tám mươi mốt»).</summary>
    private const int MaxWords = 3;

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    /// <summary>The text with each age said in words before «tuổi» written in digits; anything else as it was.</summary>
    public static string InDigits(string text)
    {
        if (!text.Contains("tu", StringComparison.OrdinalIgnoreCase))
        {
            // Most messages state no age at all: nothing to read.
            return text;
        }

        var words = WordPattern().Matches(text);
        StringBuilder? rewritten = null;
        var copied = 0;
        for (var i = 1; i < words.Count; i++)
        {
            if (VietnameseText.Fold(words[i].Value) != "tuoi")
            {
                continue;
            }

            var first = i;
            var values = new List<(string Word, int Value)>();
            while (first > 0 && i - first < MaxWords + 1 && Between(text, words[first - 1], words[first]) && NumberWord(words[first - 1].Value) is { } said)
            {
                values.Insert(0, said);
                first--;
            }

            // The longest run of words before «tuổi» that says one age: «ba tam muoi» typed plain is «bà», then 80. A
            // range («năm sáu tuổi») says none, not its last number.
            for (var start = Range(values) ? values.Count : 0; start < values.Count; start++)
            {
                if (Age(values.GetRange(start, values.Count - start)) is not { } age)
                {
                    continue;
                }

                var from = words[first + start];
                rewritten ??= new StringBuilder(text.Length);
                rewritten.Append(text, copied, from.Index - copied).Append(age.ToString(CultureInfo.InvariantCulture));
                copied = words[i - 1].Index + words[i - 1].Length;
                break;
            }
        }

        return rewritten is null ? text : rewritten.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Only spaces between two words: «tám mươi, tuổi» or «2-3 tuổi» are not one spoken number.</summary>
    private static bool Between(string text, Match before, Match after) =>
        text.AsSpan(before.Index + before.Length, after.Index - before.Index - before.Length).IsWhiteSpace();

    private static (string Word, int Value)? NumberWord(string typed)
    {
        var lower = typed.ToLower(CultureInfo.InvariantCulture);
        var folded = VietnameseText.Fold(lower);
        // The digits as amounts are read (VietnameseNumber), and «nhăm» (five after tens) and «mười», «mươi» (ten).
        var value = folded switch
        {
            "muoi" => Ten,
            "nham" => 5,
            "khong" => null,
            _ => VietnameseNumber.Digit(folded),
        };
        return value is { } said && (folded == lower || Marked.Contains(lower)) ? (folded, said) : null;
    }

    /// <summary>The age the words say: «năm» 5, «mười lăm» 15, «tám mươi» 80, «sáu mươi tư» 64, «sáu chín» 69; else null.</summary>
    private static int? Age(List<(string Word, int Value)> said) => said switch
    {
        [var unit] when unit.Value < Ten && !OnlyAfter.Contains(unit.Word) => unit.Value,
        [{ Value: Ten }] => Ten,
        [{ Value: Ten }, var unit] when unit.Value < Ten => Ten + unit.Value,
        [var tens, { Value: Ten }] when Tens(tens) => tens.Value * Ten,
        [var tens, { Value: Ten }, var unit] when Tens(tens) && unit.Value < Ten => (tens.Value * Ten) + unit.Value,
        [var tens, var unit] when Tens(tens) && unit.Value < Ten && !Range(said) => (tens.Value * Ten) + unit.Value,
        _ => null,
    };

    /// <summary>Two plain digits one apart, «năm sáu», «bảy tám»: five or six, not 56.</summary>
    private static bool Range(List<(string Word, int Value)> said) =>
        said is [var low, var high] && low.Value < Ten && high.Value == low.Value + 1;

    /// <summary>A digit that may say the tens: two to nine, and «lăm» for «năm» as many in the region say it.</summary>
    private static bool Tens((string Word, int Value) said) =>
        said.Value is > 1 and < Ten && (!OnlyAfter.Contains(said.Word) || said.Word == "lam");
}
