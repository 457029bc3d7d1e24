using System.Globalization;
using System.IO.Hashing;
using System.Text;
using HaiHau.InfoBot.Core.Content;

namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// What <see cref="QuestionUnderstanding.Build"/> computes from the content, kept whole in the classifier store (issue 15):
/// the feature space, the answer index, the phrasings' vectors, the topics' own words and the classifier's weights. A
/// restart on the same content and the same code reads these instead of normalising every example, FAQ entry and article
/// again (most of the build once the weights alone were cached). The key is a hash of every text the build reads (its
/// inputs, not the files, so content edited in memory misses too) and of this assembly's version id, so a changed
/// normaliser or index invalidates it as surely as a changed FAQ entry. The file ends with an XxHash128 of its contents:
/// a torn or damaged file reads as a miss, never as an index of something else.
/// </summary>
internal sealed record BuiltUnderstanding(
    FeatureSpace Features,
    SoftmaxClassifier Classifier,
    AnswerIndex Answers,
    Dictionary<string, HashSet<string>> TopicNames,
    Dictionary<AnswerRef, SparseVector[]> Phrasings,
    EntryModel EntryModel,
    DialectPairs Dialect)
{
    private const int FormatVersion = 5; // 2: XxHash128 checksum and key instead of SHA-256 (no crypto stack at start); 3: letters' word weights; 4: the entry model; 5: the l/n pairs
    private const int ChecksumLength = 16;

    /// <summary>The hash of everything the build reads, and of the code that builds from it.</summary>
    /// <param name="entriesKey">
    /// When the entry model is another build's (<see cref="QuestionUnderstanding.Build"/>'s <c>entriesFrom</c>), that
    /// build's key stands for the practice letters: the model is that build's, whatever they are now.
    /// </param>
    public static string Key(
        UnderstandingData data, IReadOnlyList<FaqEntry> faqs, IReadOnlyList<Article> articles, IReadOnlyList<string> classes, SoftmaxClassifier.Options? training,
        string? entriesKey = null)
    {
        var hash = new XxHash128();
        void Add(string? text)
        {
            // Length-prefixed, so ("ab", "c") and ("a", "bc") hash differently; null apart from "".
            hash.Append(BitConverter.GetBytes(text?.Length ?? -1));
            hash.Append(Encoding.UTF8.GetBytes(text ?? string.Empty));
        }

        void AddAll(IEnumerable<string> texts)
        {
            var list = texts.ToList();
            Add(list.Count.ToString(CultureInfo.InvariantCulture));
            list.ForEach(Add);
        }

        Add($"built-understanding v{FormatVersion} {typeof(BuiltUnderstanding).Assembly.ManifestModule.ModuleVersionId:N}");
        var options = training ?? new SoftmaxClassifier.Options();
        Add(string.Create(CultureInfo.InvariantCulture, $"{options.Epochs} {options.LearningRate:R} {options.L2:R} {options.Seed}"));
        AddAll(classes);
        foreach (var (word, full) in data.Abbreviations.Words.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            Add(word);
            AddAll(full);
        }

        AddAll(data.Abbreviations.Starts.SelectMany(s => new[] { s.From, s.To }));
        foreach (var topic in data.Topics)
        {
            AddAll([topic.Topic, topic.Label, topic.Action.ToString(), topic.Dialog ?? "", topic.More ?? "", topic.Reply ?? ""]);
        }

        AddAll(data.Examples.SelectMany(e => new[] { e.Topic, e.Text }));
        AddAll(data.Letters);
        if (entriesKey is null)
        {
            Add($"{data.PracticeLetters.Count} practice letters {data.PracticeLetters.Digest}");
        }
        else
        {
            Add($"entries of {entriesKey}");
        }

        foreach (var faq in data.Faqs)
        {
            AddAll([faq.Id, faq.Topic, faq.AnswerArticle, faq.Question, faq.Answer]);
            AddAll(faq.Keywords);
        }

        AddAll(faqs.Select(f => f.Id)); // which of them answer
        foreach (var article in articles)
        {
            AddAll([article.Id, article.Topic, article.Title, article.Summary, article.Body]);
            AddAll(article.Keywords);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public byte[] Write()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            var names = Features.Names.ToList();
            writer.Write(names.Count);
            names.ForEach(writer.Write);
            Answers.Write(writer);
            writer.Write(TopicNames.Count);
            foreach (var (topic, words) in TopicNames)
            {
                writer.Write(topic);
                writer.Write(words.Count);
                foreach (var word in words)
                {
                    writer.Write(word);
                }
            }

            writer.Write(Phrasings.Count);
            foreach (var (answer, vectors) in Phrasings)
            {
                writer.Write(answer.Kind);
                writer.Write(answer.Id);
                writer.Write(vectors.Length);
                foreach (var vector in vectors)
                {
                    writer.Write(vector.Count);
                    Array.ForEach(vector.Ids, writer.Write);
                    Array.ForEach(vector.Values, writer.Write);
                }
            }

            // The entry model's features and kept weights (before the classifier: its reader wants the stream to end after the weights).
            var modelFeatures = EntryModel.Features.Names.ToList();
            writer.Write(modelFeatures.Count);
            modelFeatures.ForEach(writer.Write);
            EntryModel.Weights.Write(writer);
            Dialect.Write(writer);
        }

        Classifier.Write(stream); // last: its reader wants the stream to end after the weights
        stream.Write(XxHash128.Hash(stream.GetBuffer().AsSpan(0, (int)stream.Length)));
        return stream.ToArray();
    }

    /// <summary>The stored build, or null when the bytes are damaged or of another format.</summary>
    public static BuiltUnderstanding? Read(byte[] bytes, IReadOnlyList<string> classes)
    {
        if (bytes.Length < ChecksumLength
            || !XxHash128.Hash(bytes.AsSpan(0, bytes.Length - ChecksumLength)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - ChecksumLength)))
        {
            return null;
        }

        using var stream = new MemoryStream(bytes, 0, bytes.Length - ChecksumLength, writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var strings = new StringPool(reader);
        try
        {
            if (reader.ReadInt32() != FormatVersion)
            {
                return null;
            }

            var names = new string[reader.ReadInt32()];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = strings.ReadString();
            }

            var answers = AnswerIndex.Read(strings);
            var topics = reader.ReadInt32();
            var topicNames = new Dictionary<string, HashSet<string>>(topics, StringComparer.Ordinal);
            for (var i = 0; i < topics; i++)
            {
                var topic = strings.ReadString();
                var wordCount = reader.ReadInt32();
                var words = new HashSet<string>(wordCount, StringComparer.Ordinal);
                for (var j = 0; j < wordCount; j++)
                {
                    words.Add(strings.ReadString());
                }

                topicNames.Add(topic, words);
            }

            var phrasingCount = reader.ReadInt32();
            var phrasings = new Dictionary<AnswerRef, SparseVector[]>(phrasingCount);
            for (var i = 0; i < phrasingCount; i++)
            {
                var answer = new AnswerRef(strings.ReadString(), strings.ReadString());
                var vectors = new SparseVector[reader.ReadInt32()];
                for (var v = 0; v < vectors.Length; v++)
                {
                    var ids = new int[reader.ReadInt32()];
                    for (var k = 0; k < ids.Length; k++)
                    {
                        ids[k] = reader.ReadInt32();
                    }

                    var values = new float[ids.Length];
                    for (var k = 0; k < values.Length; k++)
                    {
                        values[k] = reader.ReadSingle();
                    }

                    vectors[v] = new SparseVector(ids, values);
                }

                phrasings.Add(answer, vectors);
            }

            var modelNames = new string[reader.ReadInt32()];
            for (var i = 0; i < modelNames.Length; i++)
            {
                modelNames[i] = strings.ReadString();
            }

            if (CompactSoftmax.Read(reader, strings.ReadString) is not { } modelWeights || modelWeights.FeatureCount != modelNames.Length
                || modelWeights.Classes.Any(c => AnswerRef.Parse(c) is null))
            {
                return null;
            }

            var entryModel = EntryModel.From(FeatureSpace.FromNames(modelNames, trigrams: false), modelWeights);
            var dialect = DialectPairs.Read(strings);
            return SoftmaxClassifier.Read(stream, classes, names.Length) is { } classifier
                ? new BuiltUnderstanding(FeatureSpace.FromNames(names), classifier, answers, topicNames, phrasings, entryModel, dialect)
                : null;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }
}
