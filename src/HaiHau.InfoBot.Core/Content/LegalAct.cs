using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Content;

/// <summary>
/// A legal act that is repealed or has expired (facts.yaml <c>legal_acts:</c>). No resident-facing text may cite it
/// as current once <see cref="RepealedOn"/> has come. It is recognised by its number ("146/2018/NĐ-CP", however it
/// is spelled: "Nghị định 146/2018/NĐ-CP", "NĐ 146/2018/nđ-cp") and by any other spelling listed in
/// <see cref="AlsoWritten"/> ("Luật Việc làm năm 2013").
/// </summary>
public sealed partial record LegalAct(
    string Act,
    DateOnly RepealedOn,
    string? ReplacedBy,
    IReadOnlyList<string> AlsoWritten,
    SourceLocation Location)
{
    [GeneratedRegex(@"\d+/[\p{L}\p{N}/\-]+", RegexOptions.CultureInvariant)]
    private static partial Regex ActNumber();

    /// <summary>The spellings looked for, folded (lower case, no diacritics).</summary>
    public IReadOnlyList<string> Patterns { get; } = BuildPatterns(Act, AlsoWritten);

    public bool RepealedBy(DateOnly day) => day >= RepealedOn;

    /// <summary>The 1-based column where <paramref name="line"/> cites this act, or null when it does not.</summary>
    public int? CitedIn(string line)
    {
        var folded = " " + VietnameseText.Fold(line) + " ";
        foreach (var pattern in Patterns)
        {
            var at = folded.IndexOf(" " + pattern, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            // The column in the original line: where the act's number (or first word) appears there.
            var probe = pattern.Split(' ', '/')[0];
            var column = line.IndexOf(probe, StringComparison.OrdinalIgnoreCase);
            return column < 0 ? 1 : column + 1;
        }

        return null;
    }

    private static List<string> BuildPatterns(string act, IReadOnlyList<string> alsoWritten)
    {
        var patterns = new List<string>();
        var number = ActNumber().Match(act);
        patterns.Add(VietnameseText.Fold(number.Success ? number.Value : act));
        patterns.AddRange(alsoWritten.Select(VietnameseText.Fold).Where(p => p.Length > 0));
        return patterns;
    }
}
