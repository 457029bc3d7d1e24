using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// The whole built understanding (vocabulary, answer index, weights) kept beside the classifier (issue 15, start-up): a
/// restart reads it and answers every question exactly as a fresh build; any change to what the build reads, or a
/// damaged file, builds afresh, so a stored index never answers with content that is no longer there.
/// </summary>
public sealed class BuiltUnderstandingCacheTests
{
    private static readonly BotData Repo = EngineHarness.Repo;

    [Fact]
    public void A_restart_reads_the_stored_build_and_answers_every_dev_question_as_a_fresh_build()
    {
        using var folder = new TempDirectory();
        var first = new CountingStore(folder.Path);
        var fresh = QuestionUnderstanding.Build(Repo.Understanding, Repo.Content.Articles, store: first);
        Assert.Equal((0, 1, 2), (first.BuiltFound, first.BuiltKept, first.Kept)); // built, the topic classifier and the entry model trained, all kept

        var second = new CountingStore(folder.Path);
        var read = QuestionUnderstanding.Build(Repo.Understanding, Repo.Content.Articles, store: second);

        Assert.Equal((1, 0, 0), (second.BuiltFound, second.BuiltKept, second.Looked)); // the weights came with the build
        foreach (var item in DevSet.Load())
        {
            var (expected, actual) = (fresh.Understand(item.Question), read.Understand(item.Question));
            Assert.Equal((expected.Decision, expected.Topic, expected.Answer?.Payload, expected.RunnerUp?.Answer?.Payload),
                (actual.Decision, actual.Topic, actual.Answer?.Payload, actual.RunnerUp?.Answer?.Payload));
            Assert.Equal((expected.Best.Confidence, expected.Best.Coverage), (actual.Best.Confidence, actual.Best.Coverage));
            Assert.Equal(expected.Suggestions.Select(s => s.Answer), actual.Suggestions.Select(s => s.Answer));
            Assert.Equal(fresh.ModelReading(item.Question), read.ModelReading(item.Question)); // the entry model came with it too
        }

        // The region's l/n pairs came with it too: a voice-typed «nương hưu» reads as «lương hưu» after a restart.
        Assert.True(fresh.Normalizer.Dialect.Count > 0);
        Assert.Equal(fresh.Normalizer.Dialect.Count, read.Normalizer.Dialect.Count);
        Assert.Equal(fresh.Normalizer.Tokens("bà không có nương hưu"), read.Normalizer.Tokens("bà không có nương hưu"));
    }

    [Fact]
    public void An_edited_faq_answer_misses_the_stored_build_and_its_new_words_find_the_entry()
    {
        using var folder = new TempDirectory();
        QuestionUnderstanding.Build(Repo.Understanding, Repo.Content.Articles, store: new CountingStore(folder.Path));
        // Only the answer text changes: the classifier's training examples, and so its stored weights, stay the same.
        var edited = Repo.Understanding.Faqs[0] with { Answer = Repo.Understanding.Faqs[0].Answer + " Máy gặt Kubota của hợp tác xã được thuê giá ưu đãi." };
        var changed = Repo.Understanding with { Faqs = [edited, .. Repo.Understanding.Faqs.Skip(1)] };

        var store = new CountingStore(folder.Path);
        var rebuilt = QuestionUnderstanding.Build(changed, Repo.Content.Articles, store: store);

        Assert.Equal((0, 1), (store.BuiltFound, store.BuiltKept));
        // A word no other text has: only an index built from the edited entry knows it (a stale one finds nothing).
        Assert.Equal(new AnswerRef(AnswerRef.Faq, edited.Id), rebuilt.Answers.Best(rebuilt.Normalizer.Tokens("Kubota"))?.Answer);
    }

    [Fact]
    public void Changed_examples_miss_the_stored_build()
    {
        using var folder = new TempDirectory();
        QuestionUnderstanding.Build(Repo.Understanding, Repo.Content.Articles, store: new CountingStore(folder.Path));
        var more = Repo.Understanding with
        {
            Examples = [.. Repo.Understanding.Examples, new ExampleQuestion("credit", "vay tiền mua máy cày", new Core.Loading.SourceLocation("test", 1, 1))],
        };

        var store = new CountingStore(folder.Path);
        QuestionUnderstanding.Build(more, Repo.Content.Articles, store: store);

        Assert.Equal((0, 1, 1), (store.BuiltFound, store.BuiltKept, store.Kept)); // the topic classifier trained again; the entry model's weights found
        Assert.Equal(2, Directory.GetFiles(folder.Path, "understanding-*.bin").Length);
    }

    [Fact]
    public void A_damaged_build_file_is_not_believed_and_the_understanding_is_built_again()
    {
        using var folder = new TempDirectory();
        var fresh = QuestionUnderstanding.Build(Repo.Understanding, Repo.Content.Articles, store: new CountingStore(folder.Path));
        var file = Assert.Single(Directory.GetFiles(folder.Path, "understanding-*.bin"));
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 3] ^= 0x20; // one flipped bit: a word of the index or a weight, not a short file
        File.WriteAllBytes(file, bytes);

        var store = new CountingStore(folder.Path);
        var rebuilt = QuestionUnderstanding.Build(Repo.Understanding, Repo.Content.Articles, store: store);

        Assert.Equal((1, 1), (store.BuiltFound, store.BuiltKept)); // found, refused, built and kept again
        const string question = "thẻ bảo hiểm y tế hết hạn thì làm sao";
        Assert.Equal(fresh.Understand(question).Best.Confidence, rebuilt.Understand(question).Best.Confidence);
        Assert.NotEqual(bytes, File.ReadAllBytes(file));
    }

    /// <summary>The real file store, counting lookups and writes of the weights and of the whole build.</summary>
    private sealed class CountingStore(string folder) : IClassifierStore
    {
        private readonly ClassifierFileStore _inner = new(folder);

        public int Looked { get; private set; }

        public int Kept { get; private set; }

        public int BuiltFound { get; private set; }

        public int BuiltKept { get; private set; }

        public SoftmaxClassifier? Find(string key, IReadOnlyList<string> classes, int features)
        {
            Looked++;
            return _inner.Find(key, classes, features);
        }

        public void Keep(string key, SoftmaxClassifier model)
        {
            Kept++;
            _inner.Keep(key, model);
        }

        public byte[]? FindBuilt(string key)
        {
            var found = _inner.FindBuilt(key);
            BuiltFound += found is null ? 0 : 1;
            return found;
        }

        public void KeepBuilt(string key, byte[] contents)
        {
            BuiltKept++;
            _inner.KeepBuilt(key, contents);
        }
    }
}
