using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Content;

/// <summary>
/// Whether the content is right on a given day, beyond its structure (which <see cref="BotDataLoader"/> checks once
/// for all days): every fact a resident-facing text uses must have a confirmed value that day, and no text may cite
/// an act repealed by then (<c>legal_acts:</c> in facts.yaml). <c>validate</c> fails on these; <c>review content</c>
/// lists what will need a human within N days. Kept out of loading on purpose: a bot that is already running must not
/// refuse to start on the morning a figure expires; the staff's verbs warn them ahead.
/// </summary>
public static class ContentCurrency
{
    // A line that says the act is no longer in force is history, not a citation of current law.
    private static readonly string[] HistoryWords = ["het hieu luc", "bai bo", "thay the", "truoc day", "khong con ap dung"];

    /// <summary>The problems on <paramref name="day"/>, each at file:line:column.</summary>
    public static IReadOnlyList<ContentProblem> Check(BotData data, string dialogsDirectory, string contentDirectory, DateOnly day)
    {
        var problems = new List<ContentProblem>();
        foreach (var (key, at) in data.Content.FactUses)
        {
            if (data.Content.FindFact(key) is { } fact && fact.On(day) is not { Confirmed: true })
            {
                problems.Add(new ContentProblem(at, fact.On(day) is null
                    ? $"fact \"{key}\" has no value on {VietnameseFormat.Date(day)}: a resident would read no figure"
                    : $"fact \"{key}\" is not confirmed on {VietnameseFormat.Date(day)} and may not be told to residents"));
            }
        }

        var repealed = data.Content.LegalActs.Where(a => a.RepealedBy(day)).ToList();
        problems.AddRange(Citations(dialogsDirectory, contentDirectory, repealed).Select(c => new ContentProblem(c.At, Describe(c.Act))));
        foreach (var fact in data.Content.Facts)
        {
            if (fact.On(day) is { } value && repealed.FirstOrDefault(a => a.CitedIn(value.LegalBasis) is not null) is { } act)
            {
                problems.Add(new ContentProblem(value.Location, $"fact \"{fact.Key}\": the value in force rests on {Describe(act)}"));
            }
        }

        return problems.DistinctBy(p => p.ToString()).ToList();
    }

    /// <summary>
    /// What needs a human within <paramref name="days"/> days of <paramref name="day"/>: facts whose value changes or
    /// expires, unconfirmed facts that texts depend on, texts citing acts repealed by then. Empty when nothing is due.
    /// </summary>
    public static IReadOnlyList<ContentProblem> Review(BotData data, string dialogsDirectory, string contentDirectory, DateOnly day, int days)
    {
        var horizon = day.AddDays(days);
        var items = new List<ContentProblem>();
        var uses = data.Content.FactUses.GroupBy(u => u.Key).ToDictionary(g => g.Key, g => g.Select(u => u.At).ToList());
        foreach (var fact in data.Content.Facts.OrderBy(f => f.Location.Line))
        {
            var usedBy = uses.GetValueOrDefault(fact.Key) ?? [];
            var usedText = usedBy.Count == 0 ? "no text uses it" : $"used by {string.Join(", ", usedBy.Select(u => u.ToString()).Distinct().Take(5))}{(usedBy.Count > 5 ? ", …" : string.Empty)}";
            foreach (var value in fact.Values)
            {
                if (value.ValidTo is { } to && to >= day && to < horizon)
                {
                    var next = fact.NextAfter(to);
                    var then = next is null
                        ? "and no value follows: texts may no longer use it"
                        : $"then {FactFormatter.Format(fact, next.Value)}{(next.Confirmed ? string.Empty : " (not confirmed)")}";
                    items.Add(new ContentProblem(value.Location, $"fact \"{fact.Key}\" = {FactFormatter.Format(fact, value.Value)} ends on {VietnameseFormat.Date(to)}, {then}; {usedText}"));
                }
                else if (value.ValidFrom is { } from && from > day && from <= horizon && fact.Values.All(v => v.ValidTo != from.AddDays(-1)))
                {
                    items.Add(new ContentProblem(value.Location, $"fact \"{fact.Key}\" gets a value from {VietnameseFormat.Date(from)}: {FactFormatter.Format(fact, value.Value)}; {usedText}"));
                }
            }

            if (usedBy.Count > 0 && fact.On(day) is not { Confirmed: true })
            {
                items.Add(new ContentProblem(fact.Location, $"fact \"{fact.Key}\" is not confirmed on {VietnameseFormat.Date(day)} but texts depend on it; {usedText}"));
            }
        }

        var repealedSoon = data.Content.LegalActs.Where(a => a.RepealedOn <= horizon).ToList();
        items.AddRange(Citations(dialogsDirectory, contentDirectory, repealedSoon).Select(c => new ContentProblem(c.At, Describe(c.Act))));
        return items.DistinctBy(p => p.ToString()).ToList();
    }

    private static string Describe(LegalAct act) =>
        $"cites {act.Act}, no longer in force since {VietnameseFormat.Date(act.RepealedOn)}"
        + (act.ReplacedBy is null ? string.Empty : $" (replaced by {act.ReplacedBy})");

    /// <summary>Every line of an article, FAQ entry or dialog that cites one of <paramref name="acts"/>.</summary>
    internal static IEnumerable<(SourceLocation At, LegalAct Act)> Citations(string dialogsDirectory, string contentDirectory, IReadOnlyList<LegalAct> acts)
    {
        if (acts.Count == 0)
        {
            yield break;
        }

        var files = Files(contentDirectory, "articles", "*.md").Concat(Files(contentDirectory, "faq", "*.md")).Select(p => (Root: contentDirectory, Path: p))
            .Concat(Files(dialogsDirectory, ".", "*.yaml").Select(p => (Root: dialogsDirectory, Path: p)));
        foreach (var (root, path) in files)
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.TrimStart().StartsWith('#') || HistoryWords.Any(w => VietnameseText.Fold(line).Contains(w, StringComparison.Ordinal)))
                {
                    continue;
                }

                foreach (var act in acts)
                {
                    if (act.CitedIn(line) is { } column)
                    {
                        yield return (new SourceLocation(BotDataLoader.DisplayPath(root, path), i + 1, column), act);
                    }
                }
            }
        }
    }

    private static IEnumerable<string> Files(string root, string folder, string pattern)
    {
        var directory = Path.Combine(root, folder);
        return Directory.Exists(directory) ? Directory.EnumerateFiles(directory, pattern).Order(StringComparer.Ordinal) : [];
    }
}
