namespace HaiHau.InfoBot.Core.Text;

/// <summary>
/// Finds which offered choice a resident meant: a button press (its id), a number ("2", "số 2"),
/// or words with or without diacritics ("bao hiem", "Bảo hiểm y tế"). Null when nothing or more than one fits.
/// With <c>byWords: false</c> only a button, a number, or a whole label or id counts: the loose word overlap that
/// lets "bao hiem" pick "Bảo hiểm y tế" also lets "tôi có được vay không" pick "Tôi có thuộc hộ nghèo không?".
/// </summary>
public static class ChoiceMatcher
{
    public static int? Match(IReadOnlyList<(string Id, string Label)> choices, string? text, string? payload, bool byWords = true)
    {
        if (!string.IsNullOrEmpty(payload))
        {
            for (var i = 0; i < choices.Count; i++)
            {
                if (string.Equals(choices[i].Id, payload, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            // A stale button from an earlier step: fall through to its text, if any.
        }

        var folded = VietnameseText.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        var number = LeadingNumber(folded);
        if (number is { } n)
        {
            return n >= 1 && n <= choices.Count ? n - 1 : null;
        }

        var labels = choices.Select(c => VietnameseText.Fold(c.Label)).ToList();
        var exact = labels.FindIndex(l => l == folded);
        if (exact >= 0)
        {
            return exact;
        }

        var ids = choices.Select(c => VietnameseText.Fold(c.Id)).ToList();
        var byId = ids.FindIndex(l => l == folded);
        if (byId >= 0)
        {
            return byId;
        }

        return byWords ? BestByWords(labels, folded) : null;
    }

    /// <summary>The choice number a message is, and nothing more («2», «số 2», «chọn 2»); null for anything else.</summary>
    public static int? Number(string? text) => LeadingNumber(VietnameseText.Fold(text));

    // "2", "so 2", "chon 2", "2." → 2
    private static int? LeadingNumber(string folded)
    {
        var words = folded.Split(' ');
        var candidate = words switch
        {
            [var only] => only,
            ["so" or "chon" or "muc" or "cau", var second] => second,
            _ => null,
        };
        return candidate is not null && int.TryParse(candidate, out var n) ? n : null;
    }

    // Whole-word overlap; the input must cover most of its own words and beat the runner-up clearly. A label said whole
    // inside the answer counts as much as the answer said inside a label: «nhà em hộ cận nghèo» names «Hộ cận nghèo»,
    // though «Hộ nghèo» shares two of its words too (it was read as a statement and answered with the entry on leaving
    // the near-poor list, issue 12 §5).
    private static int? BestByWords(List<string> labels, string folded)
    {
        var inputWords = folded.Split(' ').Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);
        var padded = $" {folded} ";
        var scores = labels.Select(l =>
        {
            var labelWords = l.Split(' ').ToHashSet(StringComparer.Ordinal);
            var shared = inputWords.Count(labelWords.Contains);
            var containsPhrase = l.Contains(folded, StringComparison.Ordinal) || padded.Contains($" {l} ", StringComparison.Ordinal) ? 1.0 : 0.0;
            return shared == 0 ? 0.0 : (shared / (double)inputWords.Count) + (shared / (double)labelWords.Count) + containsPhrase;
        }).ToList();

        var best = scores.Max();
        if (best < 1.0)
        {
            return null;
        }

        // A close runner-up means the words fit two choices ("hộ" in "Hộ nghèo" and "Hộ cận nghèo"): ask again.
        var winners = scores.Select((s, i) => (s, i)).Where(x => x.s > best - 0.5).ToList();
        return winners.Count == 1 ? winners[0].i : null;
    }
}
