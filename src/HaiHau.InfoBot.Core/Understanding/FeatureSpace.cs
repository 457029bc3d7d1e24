namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// The features a question is read by: each syllable, each pair of neighbouring syllables ("bao hiem", "can ngheo":
/// Vietnamese words are mostly two syllables), and letter trigrams inside syllables, which carry typos and dropped
/// letters ("nghe"/"nge", "nhieu"/"nhiu") towards the right word. Built from the training questions; a feature never
/// seen in training is ignored.
/// </summary>
public sealed class FeatureSpace
{
    private const float WordWeight = 1f;
    private const float PairWeight = 1f;
    private const float TrigramWeight = 0.25f;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly bool _trigrams;

    /// <summary>A space read back from a stored build: its names packed (<see cref="PackedNames"/>), no longer learned.</summary>
    private PackedNames? _packed;

    /// <param name="trigrams">
    /// False: syllables and pairs only. The entry model (<see cref="EntryModel"/>) has one weight per feature and entry,
    /// and letter trigrams would make it several times larger for typos its training letters seldom have.
    /// </param>
    public FeatureSpace(bool trigrams = true) => _trigrams = trigrams;

    public bool Trigrams => _trigrams;

    public int Count => _packed?.Count ?? _ids.Count;

    /// <summary>The features in id order, as <see cref="BuiltUnderstanding"/> stores them.</summary>
    internal IEnumerable<string> Names => _packed is { } packed
        ? Enumerable.Range(0, packed.Count).Select(packed.Name)
        : _ids.OrderBy(p => p.Value).Select(p => p.Key);

    /// <summary>A space read back from <see cref="Names"/>: the same features under the same ids, packed.</summary>
    internal static FeatureSpace FromNames(IReadOnlyList<string> names, bool trigrams = true) =>
        new(trigrams) { _packed = PackedNames.From(names) };

    /// <summary>
    /// Adds the features of these questions that occur in at least <paramref name="minQuestions"/> of them, in order of first
    /// appearance: one weight per feature and class, so a feature seen once (a story's pair of words) costs a row of
    /// weights for what no other message will share.
    /// </summary>
    public void Learn(IReadOnlyList<IReadOnlyList<string>> questions, int minQuestions)
    {
        ThrowIfReadBack();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var tokens in questions)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            Visit(tokens, (feature, _) =>
            {
                if (seen.Add(feature) && counts.TryAdd(feature, 0))
                {
                    order.Add(feature);
                }
            });
            foreach (var feature in seen)
            {
                counts[feature]++;
            }
        }

        foreach (var feature in order.Where(f => counts[f] >= minQuestions && !_ids.ContainsKey(f)))
        {
            _ids.Add(feature, _ids.Count);
        }
    }

    /// <summary>Adds every feature of these questions to the space.</summary>
    public void Learn(IEnumerable<IReadOnlyList<string>> questions)
    {
        ThrowIfReadBack();
        foreach (var tokens in questions)
        {
            Visit(tokens, (feature, _) =>
            {
                if (!_ids.ContainsKey(feature))
                {
                    _ids.Add(feature, _ids.Count);
                }
            });
        }
    }

    public SparseVector Vectorize(IReadOnlyList<string> tokens)
    {
        var weights = new Dictionary<int, float>();
        Visit(tokens, (feature, weight) =>
        {
            if (_packed is { } packed ? packed.TryGetId(feature, out var id) : _ids.TryGetValue(feature, out id))
            {
                weights[id] = weights.GetValueOrDefault(id) + weight;
            }
        });
        return SparseVector.FromCounts(weights);
    }

    private void ThrowIfReadBack()
    {
        if (_packed is not null)
        {
            throw new InvalidOperationException("A feature space read back from a stored build is not learned further.");
        }
    }

    private void Visit(IReadOnlyList<string> tokens, Action<string, float> visit)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            visit(token, WordWeight);
            if (i + 1 < tokens.Count)
            {
                visit(string.Concat(token, "_", tokens[i + 1]), PairWeight);
            }

            if (!_trigrams)
            {
                continue;
            }

            // "<hoc>" → "#<ho", "#hoc", "#oc>": '#' keeps trigrams apart from whole words.
            var padded = string.Concat("<", token, ">");
            for (var start = 0; start + 3 <= padded.Length; start++)
            {
                visit(string.Concat("#", padded.AsSpan(start, 3)), TrigramWeight);
            }
        }
    }
}
