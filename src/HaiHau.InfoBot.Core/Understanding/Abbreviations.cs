namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// How residents shorten words (content/understanding/abbreviations.yaml): "ko", "k", "hok" → "khong";
/// "bhyt" → "bao hiem y te"; and first letters typed for others ("f" for "ph": "fải"). All forms are folded.
/// </summary>
public sealed class Abbreviations(IReadOnlyDictionary<string, string[]> words, IReadOnlyList<(string From, string To)> starts)
{
    public static readonly Abbreviations None = new(new Dictionary<string, string[]>(StringComparer.Ordinal), []);

    /// <summary>A short form (one folded word) and the folded words it stands for.</summary>
    public IReadOnlyDictionary<string, string[]> Words { get; } = words;

    /// <summary>Word beginnings typed for others: ("f", "ph"), ("w", "qu").</summary>
    public IReadOnlyList<(string From, string To)> Starts { get; } = starts;
}
