using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// How much a syllable without its diacritics still says (issue 12): "can" is «cận» (cận nghèo), «căn» (căn cước),
/// «cần» and «cán» (cán bộ); "tuyen" is «tuyến» (đúng tuyến) and «tuyển» (tuyển dụng). Alone such a syllable matches
/// the wrong answer as well as the right one, so <see cref="AnswerIndex"/> weighs it in the ranking by the share of its
/// commonest accented form in the bot's own accented text, and leaves the pair it stands in ("can_ngheo",
/// "dung_tuyen") to decide. A syllable written one way only ("bhyt", "nghèo") keeps its whole weight. The coverage
/// measure keeps plain weights: weighing it too was measured to give more confident-wrong answers at any threshold.
/// </summary>
public static class AccentAmbiguity
{
    /// <summary>Fewer sightings than this say too little about a syllable's forms: it keeps its weight.</summary>
    private const int MinSightings = 8;

    /// <summary>The share of each folded syllable's commonest accented form, for the syllables with more than one form.</summary>
    public static IReadOnlyDictionary<string, double> Clarity(IEnumerable<string> texts)
    {
        var forms = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var words = VietnameseText.Clean(text).ToLowerInvariant()
                .Split((char[])[' ', ',', '.', '?', '!', ';', ':', '(', ')', '"', '«', '»', '/', '\n', '\r', '\t', '–', '-'], StringSplitOptions.RemoveEmptyEntries);
            // A text typed without diacritics ("ho can ngheo") shows no form at all: only accented texts count.
            if (!words.Any(w => VietnameseText.Fold(w) != w))
            {
                continue;
            }

            foreach (var word in words.Where(w => w.All(char.IsLetter)))
            {
                var folded = VietnameseText.Fold(word);
                if (!forms.TryGetValue(folded, out var counts))
                {
                    forms.Add(folded, counts = new Dictionary<string, int>(StringComparer.Ordinal));
                }

                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }

        return forms
            .Where(f => f.Value.Count > 1 && f.Value.Values.Sum() >= MinSightings)
            .ToDictionary(f => f.Key, f => f.Value.Values.Max() / (double)f.Value.Values.Sum(), StringComparer.Ordinal);
    }
}
