using System.Globalization;
using System.Text;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>devset.tsv: residents' questions with the topic meant, kept apart from the training examples.</summary>
public static class DevSet
{
    public sealed record Item(string Topic, string Question, int Line);

    public static IReadOnlyList<Item> Load()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Understanding", "devset.tsv");
        return File.ReadAllLines(path)
            .Select((line, i) => (line, i))
            .Where(x => x.line.Length > 0 && !x.line.StartsWith('#'))
            .Select(x =>
            {
                var tab = x.line.IndexOf('\t', StringComparison.Ordinal);
                return new Item(x.line[..tab], x.line[(tab + 1)..], x.i + 1);
            })
            .ToList();
    }

    /// <summary>The same question as typed on a phone without Vietnamese input: no tone marks, đ as d, case and punctuation kept.</summary>
    public static string WithoutDiacritics(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(ch switch { 'đ' => 'd', 'Đ' => 'D', _ => ch });
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
