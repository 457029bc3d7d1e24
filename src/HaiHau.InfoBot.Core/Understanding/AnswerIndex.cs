namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// Finds the best answer within a topic: TF-IDF over syllables and syllable pairs of each FAQ entry's question and
/// keywords and each article's title, summary and keywords, compared by cosine. Words every answer shares ("ho ngheo")
/// weigh little; the words that set an answer apart ("het han", "lai suat") decide.
/// </summary>
public sealed class AnswerIndex
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<double> _idf = [];
    private readonly Dictionary<string, List<(AnswerRef Answer, SparseVector Vector)>> _byTopic = new(StringComparer.Ordinal);

    public AnswerIndex(IReadOnlyList<(string Topic, AnswerRef Answer, IReadOnlyList<string> Tokens)> documents)
    {
        var frequency = new List<int>();
        var terms = documents.Select(d => Terms(d.Tokens).Distinct(StringComparer.Ordinal).ToList()).ToList();
        foreach (var term in terms.SelectMany(t => t))
        {
            if (!_ids.TryGetValue(term, out var id))
            {
                _ids.Add(term, id = _ids.Count);
                frequency.Add(0);
            }

            frequency[id]++;
        }

        _idf.AddRange(frequency.Select(df => Math.Log((1.0 + documents.Count) / (1.0 + df)) + 1));
        for (var i = 0; i < documents.Count; i++)
        {
            var (topic, answer, _) = documents[i];
            if (!_byTopic.TryGetValue(topic, out var list))
            {
                _byTopic.Add(topic, list = []);
            }

            list.Add((answer, Vectorize(terms[i])));
        }
    }

    /// <summary>The answer of <paramref name="topic"/> closest to the question, and how close (0 to 1); null when the topic has none.</summary>
    public (AnswerRef Answer, double Score)? Best(string topic, IReadOnlyList<string> tokens)
    {
        if (!_byTopic.TryGetValue(topic, out var candidates))
        {
            return null;
        }

        var query = Vectorize(Terms(tokens));
        var best = candidates[0];
        var bestScore = double.MinValue;
        foreach (var candidate in candidates)
        {
            var score = query.Dot(candidate.Vector);
            if (score > bestScore)
            {
                (best, bestScore) = (candidate, score);
            }
        }

        return (best.Answer, bestScore);
    }

    private static IEnumerable<string> Terms(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            yield return tokens[i];
            if (i + 1 < tokens.Count)
            {
                yield return string.Concat(tokens[i], "_", tokens[i + 1]);
            }
        }
    }

    private SparseVector Vectorize(IEnumerable<string> terms)
    {
        var weights = new Dictionary<int, float>();
        foreach (var term in terms)
        {
            if (_ids.TryGetValue(term, out var id))
            {
                weights[id] = (float)_idf[id];
            }
        }

        return SparseVector.FromCounts(weights);
    }
}
