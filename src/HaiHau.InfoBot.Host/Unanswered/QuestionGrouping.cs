namespace HaiHau.InfoBot.Host.Unanswered;

/// <summary>
/// Groups questions by their words: a question joins the first group whose leading question shares at least
/// <see cref="Similarity"/> of their words (Jaccard on the normaliser's token sets: folded, short forms expanded).
/// Deterministic: the most asked wording leads, ties go in text order; no model, no randomness, so the same questions
/// give the same groups on every page load and staff's decisions stay where they put them.
/// </summary>
public static class QuestionGrouping
{
    public const double Similarity = 0.5;

    public const int ExamplesShown = 3;

    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    public static IReadOnlyList<QuestionGroup> Group(IReadOnlyList<AskedQuestion> questions, Func<string, IReadOnlySet<string>> words)
    {
        var wordings = questions.GroupBy(q => q.Text, StringComparer.Ordinal)
            .Select(g => (Text: g.Key, Asked: g.ToList(), Words: words(g.Key)))
            .OrderByDescending(w => w.Asked.Count).ThenBy(w => w.Text, StringComparer.Ordinal)
            .ToList();
        var groups = new List<(IReadOnlySet<string> Words, List<(string Text, List<AskedQuestion> Asked)> Members)>();
        foreach (var wording in wordings)
        {
            var home = groups.FindIndex(g => Jaccard(g.Words, wording.Words) >= Similarity);
            if (home < 0)
            {
                groups.Add((wording.Words, [(wording.Text, wording.Asked)]));
            }
            else
            {
                groups[home].Members.Add((wording.Text, wording.Asked));
            }
        }

        return groups
            .Select(g =>
            {
                var all = g.Members.SelectMany(m => m.Asked).ToList();
                var lead = g.Members[0];
                return new QuestionGroup(lead.Text, all.Count, all.Count(q => q.AskedBack), [.. g.Members.Take(ExamplesShown).Select(m => m.Text)],
                    lead.Asked.MaxBy(q => q.At)!.ConversationId, all.Max(q => q.At));
            })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Text, StringComparer.Ordinal)
            .ToList();
    }
}
