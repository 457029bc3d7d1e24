namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// Finds the best answer for a question across every topic: BM25 over syllables and syllable pairs of each FAQ entry's
/// question and keywords and each article's title, summary and keywords, plus a weaker field: its answer text. Word weights (IDF) come from all the training questions,
/// so words every question has ("co", "khong", "duoc") weigh nothing and the words that set an answer apart
/// ("het han", "lai suat", "can ngheo") decide. The classifier's topic is a prior that leans the ranking, not a filter:
/// a land or inheritance question the classifier puts under "other support" still finds its entry wherever it is
/// filed (issue 12). When an FAQ entry and the article it points to both fit, the FAQ entry, the shorter answer, is
/// shown unless the article fits much better.
/// </summary>
/// <remarks>
/// The field weights, the article factor and the prior's power were chosen on the training part of the real set
/// (rows whose number is not a multiple of 5; see the Answers README): first by how often the accepted answer comes
/// first (top-1 of the rows labelled with an entry: 66 % → 75 % on the training rows, 53 % → 67 % held out), then the
/// answer-text weight and the prior's power by the engine's fit on the training rows. Counting the entry's own question
/// once more was tried and dropped: its little-word pairs ("nghề có") matched by accident.
/// </remarks>
public sealed class AnswerIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>An FAQ entry fitting at least this share of its article's score is shown instead of the article.</summary>
    private const double FaqPreference = 0.6;

    /// <summary>The answer text says what the entry is about too, but in the answer's words, not the asker's.</summary>
    private const double BodyWeight = 0.3;

    /// <summary>An article is the whole subject; a specific question is better answered by the entry written for it.</summary>
    private const double ArticleFactor = 0.6;

    /// <summary>How strongly the classifier's topic probability leans the ranking (0: not at all).</summary>
    private const double PriorPower = 0.5;

    /// <summary>Keeps a topic the classifier thinks unlikely in the race: a strong match there can still win.</summary>
    private const double PriorFloor = 0.01;

    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);
    private readonly List<Document> _all;
    private readonly Dictionary<AnswerRef, Document> _byAnswer = [];
    private readonly double _averageLength;
    private readonly double _averageBody;
    private readonly WordWeights _chatWeights;
    private readonly WordWeights _letterWeights;
    private readonly Postings _postings;

    private AnswerIndex(List<Document> all, Dictionary<string, double> idf, WordWeights chatWeights, WordWeights letterWeights)
    {
        (_all, _idf, _chatWeights, _letterWeights) = (all, idf, chatWeights, letterWeights);
        _averageLength = _all.Count == 0 ? 1 : Math.Max(1, _all.Average(d => d.Length));
        _averageBody = _all.Count == 0 ? 1 : Math.Max(1, _all.Average(d => d.BodyLength));
        foreach (var document in _all)
        {
            _byAnswer.TryAdd(document.Answer, document);
        }

        _postings = new Postings(_all, _averageLength, _averageBody);
    }

    /// <param name="documents">The answers: topic, where they lead (the article an FAQ entry points to), tokens of the
    /// question and keywords, and of the answer text.</param>
    /// <param name="corpus">Questions residents ask (the training questions), for how common each word is.</param>
    /// <param name="letters">Letters residents wrote to public Q&amp;A pages (content/understanding/letters.tsv, no
    /// labels), for how common each word is in the way people write when they explain their case.</param>
    public AnswerIndex(IReadOnlyList<AnswerDocument> documents, IReadOnlyList<IReadOnlyList<string>> corpus, IReadOnlyList<IReadOnlyList<string>>? letters = null)
    {
        _all = documents.Select(d => new Document(d.Topic, d.Answer, d.Destination, Count(Terms(d.Tokens)), Count(Terms(d.Body)))).ToList();
        _averageLength = _all.Count == 0 ? 1 : Math.Max(1, _all.Average(d => d.Length));
        _averageBody = _all.Count == 0 ? 1 : Math.Max(1, _all.Average(d => d.BodyLength));
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var wordFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        void Tally(Dictionary<string, int> into, IEnumerable<HashSet<string>> sets)
        {
            foreach (var term in sets.SelectMany(s => s))
            {
                into[term] = into.GetValueOrDefault(term) + 1;
            }
        }

        var questions = corpus.Select(q => Terms(q).ToHashSet(StringComparer.Ordinal)).ToList();
        Tally(frequency, questions.Concat(_all.Select(d => d.Terms.Keys.Concat(d.Body.Keys).ToHashSet(StringComparer.Ordinal))));
        // How common a word is for the coverage measure: in questions, the answers' keywords and the answer texts. The
        // answer texts are prose, so the grammar a long letter is written in («nếu», «với», «trường hợp», «thủ tục»)
        // is common there and weighs less, and the letter's story dilutes its coverage less (issue 12, REFER rows);
        // the threshold was re-chosen by AnswerThresholdCalibrationTests after this change.
        Tally(wordFrequency, questions.Concat(_all.Select(d => d.Terms.Keys.Concat(d.Body.Keys).ToHashSet(StringComparer.Ordinal))));

        var n = corpus.Count + _all.Count;
        foreach (var (term, count) in frequency)
        {
            _idf[term] = Math.Log(1 + ((n - count + 0.5) / (count + 0.5)));
        }

        // How much each word of a question says, whether or not an answer has it: a word no answer has ("thừa kế")
        // weighs most, so a question about it is seen as not covered rather than answered by its commoner words.
        // The letters residents wrote weigh as much as the bot's own texts together, whatever their number: the
        // words of telling a case («nếu», «thì», «trường hợp», «chế độ», «mong», «giải đáp») are common there and
        // rare in the bot's short questions, and a long letter's coverage was diluted by them (issue 12, REFER rows).
        var letterCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        Tally(letterCounts, (letters ?? []).Select(l => Terms(l).ToHashSet(StringComparer.Ordinal)));
        var letterScale = letters is { Count: > 0 } ? n / (double)letters.Count : 0;
        var documentsCounted = letterScale > 0 ? 2.0 * n : n;
        double Weight(double count) => Math.Log(1 + ((documentsCounted - count + 0.5) / (count + 0.5)));
        // A chat message is weighed by the bot's own texts alone: the letters' grammar is no chat message's, and with it
        // short questions were covered by wrong entries more often (a hand-written 23-word question got the entry on
        // loans used for something else instead of the referral with the extension entry as a button).
        var chat = new Dictionary<string, double>(StringComparer.Ordinal);
        var letter = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in wordFrequency.Keys.Union(letterCounts.Keys).Where(t => !t.Contains('_', StringComparison.Ordinal)))
        {
            if (wordFrequency.TryGetValue(term, out var own))
            {
                chat[term] = Math.Log(1 + ((n - own + 0.5) / (own + 0.5)));
            }

            letter[term] = Weight(wordFrequency.GetValueOrDefault(term) + (letterCounts.GetValueOrDefault(term) * letterScale));
        }

        _chatWeights = new WordWeights(chat, Math.Log(1 + ((n + 0.5) / 0.5)));
        _letterWeights = new WordWeights(letter, Weight(0));
        foreach (var document in _all)
        {
            _byAnswer.TryAdd(document.Answer, document);
        }

        _postings = new Postings(_all, _averageLength, _averageBody);
    }

    /// <summary>
    /// The answer closest to the question in any topic, the topics leaned by <paramref name="prior"/> (the classifier's
    /// probability of each topic; null: all alike); null when no answer shares a word with it.
    /// </summary>
    public (AnswerRef Answer, string Topic, double Score)? Best(IReadOnlyList<string> tokens, Func<string, double>? prior = null, string? topic = null)
    {
        var ranked = Ranked(tokens, prior, topic).Where(r => r.Score > 0).ToList();
        if (ranked.Count == 0)
        {
            return null;
        }

        var best = ranked[0];
        var faq = ranked.FirstOrDefault(r => r.Destination == best.Destination && r.Answer.Kind == AnswerRef.Faq);
        return faq.Answer is not null && faq.Score >= FaqPreference * best.Score ? (faq.Answer, faq.Topic, faq.Score) : (best.Answer, best.Topic, best.Score);
    }

    /// <summary>Every answer (of <paramref name="topic"/> when given) with its topic, where it leads and its score, best first.</summary>
    /// <remarks>
    /// Scored from the postings (each term's documents), not by looking every term up in every document: a typed
    /// question on Telegram ranked all the answers three or four times per turn, and that was the largest part of the
    /// turn's CPU (issue 15). The sums are the same as <see cref="Score"/>'s, term by term in the query's order, so the
    /// scores and the order are bit for bit what they were (AnswerIndexPostingsTests).
    /// </remarks>
    public IReadOnlyList<(AnswerRef Answer, string Topic, string Destination, double Score)> Ranked(
        IReadOnlyList<string> tokens, Func<string, double>? prior = null, string? topic = null)
    {
        var query = Terms(tokens).Distinct(StringComparer.Ordinal).Where(_idf.ContainsKey).ToList();
        var (head, body) = _postings.Sums(query, _idf);
        var leaning = prior is null ? null : new Dictionary<string, double>(StringComparer.Ordinal);
        var ranked = new List<(AnswerRef Answer, string Topic, string Destination, double Score)>(_all.Count);
        for (var i = 0; i < _all.Count; i++)
        {
            var d = _all[i];
            if (topic is not null && d.Topic != topic)
            {
                continue;
            }

            var score = Combined(d, head[i], body[i]);
            if (leaning is not null)
            {
                // The prior depends on the topic only: its power once per topic, not once per answer.
                if (!leaning.TryGetValue(d.Topic, out var lean))
                {
                    lean = Math.Pow(prior!(d.Topic) + PriorFloor, PriorPower);
                    leaning[d.Topic] = lean;
                }

                score *= lean;
            }

            ranked.Add((d.Answer, d.Topic, d.Destination, score));
        }

        // Stable, best first, as OrderByDescending was: equal scores keep the documents' order.
        return ranked.OrderByDescending(x => x.Score).ToList();
    }

    /// <summary>
    /// How much of the question the answer covers, from 0 to 1: the weight of the question's words the answer has, over
    /// the weight of all of them (each word once). Unlike the BM25 score it does not grow with the question's length;
    /// a letter still has its own threshold, since its words are weighed as letters are written (see the thresholds).
    /// </summary>
    /// <param name="letter">True for a letter (<see cref="QuestionUnderstanding.LetterWords"/>): its words weigh as
    /// common as they are in letters residents wrote too.</param>
    public double Coverage(IReadOnlyList<string> tokens, AnswerRef answer, bool letter = false)
    {
        if (!_byAnswer.TryGetValue(answer, out var document))
        {
            return 0;
        }

        double covered = 0, total = 0;
        foreach (var word in tokens.Distinct(StringComparer.Ordinal))
        {
            var weight = (letter ? _letterWeights : _chatWeights).Of(word);
            total += weight;
            covered += document.Terms.ContainsKey(word) ? weight : 0;
        }

        return total == 0 ? 0 : covered / total;
    }

    /// <summary>The question's words the answer lacks, heaviest first, with their weight: what keeps its coverage down.</summary>
    public IReadOnlyList<(string Word, double Weight)> Uncovered(IReadOnlyList<string> tokens, AnswerRef answer, bool letter = false) =>
        !_byAnswer.TryGetValue(answer, out var document) ? []
            : tokens.Distinct(StringComparer.Ordinal).Where(w => !document.Terms.ContainsKey(w))
                .Select(w => (w, (letter ? _letterWeights : _chatWeights).Of(w))).OrderByDescending(x => x.Item2).ToList();

    /// <summary>The scoring <see cref="Ranked"/> does from the postings, document by document (kept for the tests that compare them).</summary>
    internal IReadOnlyList<(AnswerRef Answer, double Score)> ScoresDocumentByDocument(IReadOnlyList<string> tokens)
    {
        var query = Terms(tokens).Distinct(StringComparer.Ordinal).Where(_idf.ContainsKey).ToList();
        return _all.Select(d => (d.Answer, Score(query, d))).ToList();
    }

    /// <summary>The scores <see cref="Ranked"/> gives each document, in the documents' order, without prior.</summary>
    internal IReadOnlyList<(AnswerRef Answer, double Score)> Scores(IReadOnlyList<string> tokens)
    {
        var query = Terms(tokens).Distinct(StringComparer.Ordinal).Where(_idf.ContainsKey).ToList();
        var (head, body) = _postings.Sums(query, _idf);
        return _all.Select((d, i) => (d.Answer, Combined(d, head[i], body[i]))).ToList();
    }

    private double Score(List<string> query, Document document) =>
        Combined(document, Bm25(query, document.Terms, document.Length, _averageLength), Bm25(query, document.Body, document.BodyLength, _averageBody));

    /// <summary>
    /// A document's score from its BM25 sums over the head fields and the answer text: one place for both ways of
    /// summing (postings, and document by document), so the two cannot drift apart.
    /// </summary>
    private static double Combined(Document document, double head, double body)
    {
        var score = head + (BodyWeight * body);
        return document.Answer.Kind == AnswerRef.Article ? score * ArticleFactor : score;
    }

    private double Bm25(List<string> query, TermCounts terms, int length, double averageLength)
    {
        var score = 0.0;
        var norm = K1 * (1 - B + (B * length / averageLength));
        foreach (var term in query)
        {
            if (terms.TryGetValue(term, out var tf))
            {
                score += _idf[term] * tf * (K1 + 1) / (tf + norm);
            }
        }

        return score;
    }

    /// <summary>The index as computed (documents' term counts, word weights), for <see cref="BuiltUnderstanding"/>.</summary>
    internal void Write(BinaryWriter writer)
    {
        writer.Write(_all.Count);
        foreach (var d in _all)
        {
            writer.Write(d.Topic);
            writer.Write(d.Answer.Kind);
            writer.Write(d.Answer.Id);
            writer.Write(d.Destination);
            WriteCounts(writer, d.Terms);
            WriteCounts(writer, d.Body);
        }

        WriteWeights(writer, _idf);
        foreach (var weights in new[] { _chatWeights, _letterWeights })
        {
            WriteWeights(writer, weights.Weights);
            writer.Write(weights.Unseen);
        }
    }

    /// <summary>An index read back from <see cref="Write"/>: the same documents, counts and weights.</summary>
    /// <param name="strings">The reader, giving one string object per distinct text (the same terms recur in every document).</param>
    internal static AnswerIndex Read(StringPool strings)
    {
        var reader = strings.Reader;
        var count = reader.ReadInt32();
        var all = new List<Document>(count);
        for (var i = 0; i < count; i++)
        {
            all.Add(new Document(strings.ReadString(), new AnswerRef(strings.ReadString(), strings.ReadString()), strings.ReadString(), ReadCounts(strings), ReadCounts(strings)));
        }

        var idf = ReadWeights(strings);
        var chat = new WordWeights(ReadWeights(strings), reader.ReadDouble());
        return new AnswerIndex(all, idf, chat, new WordWeights(ReadWeights(strings), reader.ReadDouble()));
    }

    private static void WriteCounts(BinaryWriter writer, TermCounts counts)
    {
        writer.Write(counts.Count);
        foreach (var (term, count) in counts)
        {
            writer.Write(term);
            writer.Write(count);
        }
    }

    private static TermCounts ReadCounts(StringPool strings)
    {
        var n = strings.Reader.ReadInt32();
        var counts = new KeyValuePair<string, int>[n];
        for (var i = 0; i < n; i++)
        {
            counts[i] = new KeyValuePair<string, int>(strings.ReadString(), strings.Reader.ReadInt32());
        }

        return new TermCounts(counts);
    }

    private static void WriteWeights(BinaryWriter writer, Dictionary<string, double> weights)
    {
        writer.Write(weights.Count);
        foreach (var (term, weight) in weights)
        {
            writer.Write(term);
            writer.Write(weight);
        }
    }

    private static Dictionary<string, double> ReadWeights(StringPool strings)
    {
        var n = strings.Reader.ReadInt32();
        var weights = new Dictionary<string, double>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            weights.Add(strings.ReadString(), strings.Reader.ReadDouble());
        }

        return weights;
    }

    private static TermCounts Count(IEnumerable<string> terms)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            counts[term] = counts.GetValueOrDefault(term) + 1;
        }

        return new TermCounts(counts);
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

    /// <summary>
    /// For each term, the documents that have it and how often, in the head fields and in the answer text, with each
    /// document's BM25 length norm worked out once.
    /// </summary>
    private sealed class Postings
    {
        private readonly Dictionary<string, (int Document, int Count)[]> _head;
        private readonly Dictionary<string, (int Document, int Count)[]> _body;
        private readonly double[] _headNorm;
        private readonly double[] _bodyNorm;

        public Postings(List<Document> all, double averageLength, double averageBody)
        {
            _head = Invert(all, d => d.Terms);
            _body = Invert(all, d => d.Body);
            // The same expression Bm25 computes per call.
            _headNorm = [.. all.Select(d => K1 * (1 - B + (B * d.Length / averageLength)))];
            _bodyNorm = [.. all.Select(d => K1 * (1 - B + (B * d.BodyLength / averageBody)))];
        }

        /// <summary>Each document's BM25 sum over the query's terms, in the head fields and in the answer text.</summary>
        public (double[] Head, double[] Body) Sums(List<string> query, Dictionary<string, double> idf)
        {
            var head = new double[_headNorm.Length];
            var body = new double[_bodyNorm.Length];
            foreach (var term in query)
            {
                var weight = idf[term];
                Add(head, _head, _headNorm, term, weight);
                Add(body, _body, _bodyNorm, term, weight);
            }

            return (head, body);
        }

        private static void Add(double[] sums, Dictionary<string, (int Document, int Count)[]> postings, double[] norms, string term, double idf)
        {
            if (!postings.TryGetValue(term, out var documents))
            {
                return;
            }

            foreach (var (document, tf) in documents)
            {
                sums[document] += idf * tf * (K1 + 1) / (tf + norms[document]);
            }
        }

        private static Dictionary<string, (int Document, int Count)[]> Invert(List<Document> all, Func<Document, TermCounts> field)
        {
            var lists = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
            for (var i = 0; i < all.Count; i++)
            {
                foreach (var (term, count) in field(all[i]))
                {
                    if (!lists.TryGetValue(term, out var list))
                    {
                        lists[term] = list = [];
                    }

                    list.Add((i, count));
                }
            }

            return lists.ToDictionary(l => l.Key, l => l.Value.ToArray(), StringComparer.Ordinal);
        }
    }

    private sealed record Document(
        string Topic, AnswerRef Answer, string Destination, TermCounts Terms, TermCounts Body)
    {
        public int Length => Terms.Total;

        public int BodyLength => Body.Total;
    }
}

/// <summary>
/// One answer as the <see cref="AnswerIndex"/> reads it: its topic, what it is, where it leads (the article an FAQ entry
/// points to), the tokens of its question and keywords (an article's title, summary and keywords), and of its answer text.
/// </summary>
public sealed record AnswerDocument(
    string Topic, AnswerRef Answer, string Destination, IReadOnlyList<string> Tokens, IReadOnlyList<string> Body);

/// <summary>How much each word of a question says in a coverage measure, and a word none of the texts has.</summary>
internal sealed record WordWeights(Dictionary<string, double> Weights, double Unseen)
{
    public double Of(string word) => Weights.GetValueOrDefault(word, Unseen);
}
