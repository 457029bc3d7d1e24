using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// The trained classifier kept on disk by what it learnt from (issue 15, start-up): a restart reads it and answers
/// every question exactly as a freshly trained one; changed content, or a damaged file, trains again.
/// The shipped content is trained once for the class (<see cref="TrainedOnce"/>) and each test starts from a copy of
/// the file it stored: only the trainings a test is about happen in it (issue 15: the class trained five times).
/// </summary>
public sealed class ClassifierCacheTests(ClassifierCacheTests.TrainedOnce once) : IClassFixture<ClassifierCacheTests.TrainedOnce>
{
    private static readonly BotData Repo = EngineHarness.Repo;

    [Fact]
    public void A_restart_reads_the_stored_model_and_answers_every_dev_question_as_the_trained_one()
    {
        Assert.Equal((0, 2), (once.Store.Found, once.Store.Kept)); // an empty cache trains and keeps both models (topics, entries)
        using var folder = once.CopyOfCache();

        var second = new CountingStore(new ClassifierFileStore(folder.Path));
        var read = Build(second);

        Assert.Equal((2, 0), (second.Found, second.Kept)); // read, not trained again
        foreach (var item in DevSet.Load())
        {
            var (expected, actual) = (once.Trained.Understand(item.Question), read.Understand(item.Question));
            Assert.Equal((expected.Decision, expected.Topic, expected.Answer?.Payload), (actual.Decision, actual.Topic, actual.Answer?.Payload));
            Assert.Equal(expected.Best.Confidence, actual.Best.Confidence);
        }
    }

    [Fact]
    public void Changed_examples_miss_the_stored_model_and_train_anew()
    {
        using var folder = once.CopyOfCache(); // the model of the shipped examples is stored
        var more = Repo.Understanding with
        {
            Examples = [.. Repo.Understanding.Examples, new ExampleQuestion("credit", "vay tiền mua máy cày", new SourceLocation("test", 1, 1))],
        };

        var store = new CountingStore(new ClassifierFileStore(folder.Path));
        QuestionUnderstanding.Build(more, Repo.Content.Articles, store: store);

        Assert.Equal((1, 1), (store.Found, store.Kept)); // the entry model does not learn from the topics' examples: found
        Assert.Equal(3, Directory.GetFiles(folder.Path, "classifier-*.bin").Length);
    }

    [Fact]
    public void A_damaged_model_file_is_not_believed_the_model_is_trained_and_stored_again()
    {
        using var folder = once.CopyOfCache();
        // The topic classifier's file: the smaller of the two (the entry model has a weight per feature and entry).
        var file = Directory.GetFiles(folder.Path, "classifier-*.bin").MinBy(f => new FileInfo(f).Length)!;
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]); // a torn write or a full disk

        var store = new CountingStore(new ClassifierFileStore(folder.Path));
        var rebuilt = Build(store);

        Assert.Equal((1, 1), (store.Found, store.Kept)); // the entry model read, the topic classifier trained again
        Assert.Equal(bytes.Length, new FileInfo(file).Length);
        const string question = "thẻ bảo hiểm y tế hết hạn thì làm sao";
        Assert.Equal(once.Trained.Understand(question).Best.Confidence, rebuilt.Understand(question).Best.Confidence);
    }

    /// <summary>The shipped content trained once into an empty cache folder, which the tests copy and never change.</summary>
    public sealed class TrainedOnce : IDisposable
    {
        private readonly TempDirectory _folder = new();

        public TrainedOnce()
        {
            Store = new CountingStore(new ClassifierFileStore(_folder.Path));
            Trained = Build(Store);
        }

        /// <summary>What the empty cache was asked for and given while the model was trained.</summary>
        internal CountingStore Store { get; }

        internal QuestionUnderstanding Trained { get; }

        /// <summary>A folder of the test's own holding the stored model.</summary>
        internal TempDirectory CopyOfCache()
        {
            var copy = new TempDirectory();
            foreach (var file in Directory.GetFiles(_folder.Path))
            {
                File.Copy(file, Path.Combine(copy.Path, Path.GetFileName(file)));
            }

            return copy;
        }

        public void Dispose() => _folder.Dispose();
    }

    private static QuestionUnderstanding Build(IClassifierStore store) => QuestionUnderstanding.Build(Repo.Understanding, Repo.Content.Articles, store: store);

    /// <summary>The real file store, counting what it found and what it was given to keep.</summary>
    internal sealed class CountingStore(IClassifierStore inner) : IClassifierStore
    {
        public int Found { get; private set; }

        public int Kept { get; private set; }

        public SoftmaxClassifier? Find(string key, IReadOnlyList<string> classes, int features)
        {
            var model = inner.Find(key, classes, features);
            Found += model is null ? 0 : 1;
            return model;
        }

        public void Keep(string key, SoftmaxClassifier model)
        {
            Kept++;
            inner.Keep(key, model);
        }
    }
}
