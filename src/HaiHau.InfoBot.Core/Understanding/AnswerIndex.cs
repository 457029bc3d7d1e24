namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// Finds the best answer within a topic: BM25 over syllables and syllable pairs of each FAQ entry's question and
/// keywords and each article's title, summary and keywords. Word weights (IDF) come from all the training questions,
/// so words every question has ("co", "khong", "duoc") weigh nothing and the words that set an answer apart
/// ("het han", "lai suat", "can ngheo") decide. When an FAQ entry and the article it points to both fit, the FAQ
/// entry, the shorter answer, is shown unless the article fits much better.
/// </summary>
public sealed class AnswerIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>An FAQ entry fitting at least this share of its article's score is shown instead of the article.</summary>
    private const double FaqPreference = 0.6;

    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Document>> _byTopic = new(StringComparer.Ordinal);
    private readonly double _averageLength;
    private readonly Dictionary<string, double> _wordWeight = new(StringComparer.Ordinal);
    private readonly double _unseenWeight;

    /// <param name="documents">The answers: topic, where they lead (the article an FAQ entry points to), tokens.</param>
    /// <param name="corpus">Questions residents ask (the training questions), for how common each word is.</param>
    public AnswerIndex(
        IReadOnlyList<(string Topic, AnswerRef Answer, string Destination, IReadOnlyList<string> Tokens)> documents,
        IReadOnlyList<IReadOnlyList<string>> corpus)
    {
        var all = documents.Select(d => new Document(d.Topic, d.Answer, d.Destination, Count(Terms(d.Tokens)))).ToList();
        _averageLength = all.Count == 0 ? 1 : all.Average(d => d.Length);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var terms in corpus.Select(q => Terms(q).ToHashSet(StringComparer.Ordinal)).Concat(all.Select(d => d.Terms.Keys.ToHashSet(StringComparer.Ordinal))))
        {
            foreach (var term in terms)
            {
                frequency[term] = frequency.GetValueOrDefault(term) + 1;
            }
        }

        var n = corpus.Count + all.Count;
        foreach (var term in all.SelectMany(d => d.Terms.Keys).Distinct(StringComparer.Ordinal))
        {
            _idf[term] = Math.Log(1 + ((n - frequency[term] + 0.5) / (frequency[term] + 0.5)));
        }

        // How much each word of a question says, whether or not an answer has it: a word no answer has ("thừa kế")
        // weighs most, so a question about it is seen as not covered rather than answered by its commoner words.
        foreach (var (term, count) in frequency.Where(f => !f.Key.Contains('_', StringComparison.Ordinal)))
        {
            _wordWeight[term] = Math.Log(1 + ((n - count + 0.5) / (count + 0.5)));
        }

        _unseenWeight = Math.Log(1 + ((n + 0.5) / 0.5));

        foreach (var document in all)
        {
            if (!_byTopic.TryGetValue(document.Topic, out var list))
            {
                _byTopic.Add(document.Topic, list = []);
            }

            list.Add(document);
        }
    }

    /// <summary>The answer of <paramref name="topic"/> closest to the question; null when none shares a word with it.</summary>
    public AnswerRef? Best(string topic, IReadOnlyList<string> tokens)
    {
        var ranked = Ranked(topic, tokens).Where(r => r.Score > 0).ToList();
        if (ranked.Count == 0)
        {
            return null;
        }

        var best = ranked[0];
        var faq = ranked.FirstOrDefault(r => r.Destination == best.Destination && r.Answer.Kind == AnswerRef.Faq);
        return faq.Answer is not null && faq.Score >= FaqPreference * best.Score ? faq.Answer : best.Answer;
    }

    /// <summary>Every answer of the topic with where it leads and its score, best first.</summary>
    public IReadOnlyList<(AnswerRef Answer, string Destination, double Score)> Ranked(string topic, IReadOnlyList<string> tokens)
    {
        var query = Terms(tokens).Distinct(StringComparer.Ordinal).Where(_idf.ContainsKey).ToList();
        return _byTopic.TryGetValue(topic, out var candidates)
            ? candidates.Select(c => (c.Answer, c.Destination, Score(query, c))).OrderByDescending(x => x.Item3).ToList()
            : [];
    }

    /// <summary>
    /// How much of the question the answer covers, from 0 to 1: the weight of the question's words the answer has, over
    /// the weight of all of them (each word once). Unlike the BM25 score it does not grow with the question's length,
    /// so one threshold serves a three-word chat message and a letter.
    /// </summary>
    public double Coverage(IReadOnlyList<string> tokens, AnswerRef answer)
    {
        var document = _byTopic.Values.SelectMany(d => d).FirstOrDefault(d => d.Answer == answer);
        if (document is null)
        {
            return 0;
        }

        double covered = 0, total = 0;
        foreach (var word in tokens.Distinct(StringComparer.Ordinal))
        {
            var weight = _wordWeight.GetValueOrDefault(word, _unseenWeight);
            total += weight;
            covered += document.Terms.ContainsKey(word) ? weight : 0;
        }

        return total == 0 ? 0 : covered / total;
    }

    private double Score(List<string> query, Document document)
    {
        var score = 0.0;
        var norm = K1 * (1 - B + (B * document.Length / _averageLength));
        foreach (var term in query)
        {
            if (document.Terms.TryGetValue(term, out var tf))
            {
                score += _idf[term] * tf * (K1 + 1) / (tf + norm);
            }
        }

        return score;
    }

    private static Dictionary<string, int> Count(IEnumerable<string> terms)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            counts[term] = counts.GetValueOrDefault(term) + 1;
        }

        return counts;
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

    private sealed record Document(string Topic, AnswerRef Answer, string Destination, Dictionary<string, int> Terms)
    {
        public int Length { get; } = Terms.Values.Sum();
    }
}
