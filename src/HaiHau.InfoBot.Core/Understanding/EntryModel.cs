namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// Which FAQ entry or article a message asks for, learned from how people ask: each entry's question and keywords, and
/// the practice letters written for it (content/understanding/practice-letters.tsv) — stories in many voices that
/// end in the question the entry answers. A softmax over the entries (<see cref="SoftmaxClassifier"/>), so the story's
/// words, which every entry's letters share, learn to weigh nothing, and the words that tell one entry's ask from its
/// neighbours' weigh most: what the search's word-matching could not learn (every lexical gate lay on one curve,
/// tests/…/Answers/README.md).
/// </summary>
/// <remarks>
/// It does not choose the answer: the search still does. It is a second, independent reader that can back the search's
/// choice when the letter's story left that choice's coverage too low to give (<see cref="QuestionUnderstanding.Thresholds.ModelBacks"/>).
/// </remarks>
internal sealed class EntryModel
{
    private readonly Dictionary<AnswerRef, int> _index;
    private readonly AnswerRef[] _answers;

    private EntryModel(FeatureSpace features, CompactSoftmax weights)
    {
        Features = features;
        Weights = weights;
        _answers = weights.Classes.Select(c => AnswerRef.Parse(c)!).ToArray();
        _index = _answers.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => p.i);
    }

    public FeatureSpace Features { get; }

    /// <summary>The trained weights without the small ones (<see cref="MinWeight"/>).</summary>
    public CompactSoftmax Weights { get; }

    /// <summary>
    /// Weights smaller than this either way are dropped: measured 7 December with the first 3,632 letters, 5 % of the
    /// 3.5 million weights are at least 0.1 and the model's first entry on the answer sets' 1,405 rows moved on one (at
    /// 0.05, 8 % kept: none). Shipped: 232,561 of 3.5 million (225 entries × 15,606 features), in half precision beside
    /// a two-byte entry number, about 0.9 MB instead of a dense 14 MB (idle memory has a target: README, Speed).
    /// </summary>
    public const float MinWeight = 0.1f;

    /// <summary>No entries: backs nothing.</summary>
    public static EntryModel Empty { get; } = new(new FeatureSpace(trigrams: false), CompactSoftmax.From(SoftmaxClassifier.Untrained([]), MinWeight));

    /// <summary>The options the model trains with: fewer epochs than the topic classifier's (many more examples, each longer).</summary>
    public static SoftmaxClassifier.Options Training { get; } = new(Epochs: 15);

    /// <summary>Trains on these (answer, tokens) examples, or reads the weights stored for exactly them.</summary>
    public static EntryModel Train(IReadOnlyList<(AnswerRef Answer, IReadOnlyList<string> Tokens)> examples, IClassifierStore? store)
    {
        var kept = examples.Where(e => e.Tokens.Count > 0).ToList();
        var classes = kept.Select(e => e.Answer.Payload).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var features = new FeatureSpace(trigrams: false);
        // A feature must occur in three examples: a story's one-off pairs say nothing about an entry and cost a weight per
        // entry each. Measured 7 December with the first 3,632 letters on the answer sets' rows (the model's first entry
        // right): 28,700 features at one example, 15,400 at two (no row moved), 10,500 at three (four real-set rows fewer,
        // one fresh row); three was chosen with the idle-memory target (README, Speed). With all 5,444 letters: 15,606.
        features.Learn(kept.Select(e => e.Tokens).ToList(), minQuestions: 3);
        var vectors = kept.Select(e => (features.Vectorize(e.Tokens), index[e.Answer.Payload])).ToList();
        var names = kept.Select(e => SoftmaxClassifier.NameOf(e.Answer.Payload, e.Tokens)).ToList();
        var dense = SoftmaxClassifier.TrainOrFind(classes, features.Count, vectors, names, Training, store);
        return new EntryModel(features, CompactSoftmax.From(dense, MinWeight));
    }

    /// <summary>A model read back from a stored build.</summary>
    public static EntryModel From(FeatureSpace features, CompactSoftmax weights) => new(features, weights);

    /// <summary>How likely the message (its tokens) asks for <paramref name="answer"/>: 0 for an answer the model does not know.</summary>
    public double Probability(AnswerRef answer, IReadOnlyList<string> tokens)
    {
        if (!_index.TryGetValue(answer, out var at))
        {
            return 0;
        }

        var x = Features.Vectorize(tokens);
        if (x.Count == 0)
        {
            return 0;
        }

        var probabilities = new double[_answers.Length];
        Weights.Probabilities(x, probabilities);
        return probabilities[at];
    }

    /// <summary>The model's own first entries for a message, most likely first (for `eval answers --why`).</summary>
    public IReadOnlyList<(AnswerRef Answer, double Probability)> Ranked(IReadOnlyList<string> tokens, int count)
    {
        var x = Features.Vectorize(tokens);
        if (x.Count == 0 || _answers.Length == 0)
        {
            return [];
        }

        var probabilities = new double[_answers.Length];
        Weights.Probabilities(x, probabilities);
        return Enumerable.Range(0, _answers.Length).OrderByDescending(i => probabilities[i]).Take(count).Select(i => (_answers[i], probabilities[i])).ToList();
    }
}
