using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Content.Understanding;

/// <summary>
/// Loads content/understanding (abbreviations.yaml, topics.yaml, examples/&lt;topic&gt;.yaml, letters.tsv,
/// practice-letters.tsv) and content/faq/*.md,
/// and checks them against the articles, the facts and the dialogs.
/// </summary>
public static class UnderstandingLoader
{
    public static UnderstandingData Load(string contentDirectory, ContentCatalog content, List<ContentProblem> problems, ContentParsers? parsers = null)
    {
        var folder = Path.Combine(contentDirectory, "understanding");
        var abbreviations = ReadRequired(contentDirectory, Path.Combine(folder, "abbreviations.yaml"), problems,
            (text, file) => AbbreviationsFileReader.Read(text, file, problems, parsers)) ?? Abbreviations.None;
        var topicsFile = ReadRequired(contentDirectory, Path.Combine(folder, "topics.yaml"), problems,
            (text, file) => TopicsFileReader.Read(text, file, problems, parsers)) ?? new TopicsFile([], UnderstandingMessages.Default, []);
        var (topics, messages) = (topicsFile.Topics, topicsFile.Messages);
        var topicsPath = BotDataLoader.DisplayPath(contentDirectory, Path.Combine(folder, "topics.yaml"));
        foreach (var settings in topics)
        {
            foreach (var text in new[] { settings.Label, settings.More, settings.Reply }.OfType<string>())
            {
                DialogValidator.CheckText(text, settings.Location, content, problems);
            }
        }

        foreach (var text in new[] { messages.NotUnderstood, messages.WhichTopic, messages.ReadArticle, messages.Suggest })
        {
            DialogValidator.CheckText(text, new SourceLocation(topicsPath, 0, 0), content, problems);
        }

        var registry = new TopicRegistry(topics);
        foreach (var article in content.Articles.Where(a => a.Topic.Length > 0 && !registry.Contains(a.Topic)))
        {
            problems.Add(new ContentProblem(article.Location, $"unknown topic \"{article.Topic}\" (topics.yaml lists: {Known(registry)})"));
        }

        var normalizer = new QuestionNormalizer(abbreviations);
        var examples = LoadExamples(contentDirectory, Path.Combine(folder, "examples"), normalizer, registry, problems, parsers);
        var faqs = LoadFaqs(contentDirectory, content, topics, normalizer, problems, parsers);
        // Here, not where articles are read: words are counted as the bot reads them, with content/understanding's short forms.
        foreach (var article in content.Articles)
        {
            foreach (var (field, asked) in article.Keywords.Select(k => ("keyword", k)).Prepend(("title", article.Title)))
            {
                LetterLengthRule.Check(field, asked, article.Location, normalizer, problems);
            }
        }

        var referrals = ReadRequired(contentDirectory, Path.Combine(contentDirectory, "referrals.yaml"), problems,
            (text, file) => ReferralsFileReader.Read(text, file, problems, parsers)) ?? [];
        foreach (var referral in referrals)
        {
            foreach (var text in new[] { referral.Name, referral.Say })
            {
                DialogValidator.CheckText(text, referral.Location, content, problems);
            }
        }

        foreach (var settings in registry.Topics.Where(t => t.Refer is { } id && referrals.All(r => r.Id != id)))
        {
            problems.Add(new ContentProblem(settings.Location,
                $"topic \"{settings.Topic}\": refer \"{settings.Refer}\" is not a referral in referrals.yaml ({string.Join(", ", referrals.Select(r => r.Id))})"));
        }

        // Optional: without it the words weigh as in the bot's own texts alone.
        var lettersPath = Path.Combine(folder, "letters.tsv");
        var letters = File.Exists(lettersPath)
            ? LettersFileReader.Read(File.ReadAllText(lettersPath), BotDataLoader.DisplayPath(contentDirectory, lettersPath), problems)
            : [];
        // Optional too: without it the entry model learns from the entries' own questions and keywords alone.
        var practice = PracticeLetters(contentDirectory, faqs.Select(f => f.Id), content.Articles.Select(a => a.Id), problems);
        return new UnderstandingData(abbreviations, examples, registry.Topics, messages)
        {
            Faqs = faqs, QuestionWords = topicsFile.QuestionWords, Referrals = referrals, Letters = letters, PracticeLetters = practice,
        };
    }

    /// <summary>
    /// content/understanding/practice-letters.tsv read and checked now, then let go: the set keeps a count and a digest,
    /// and reads the file again if the entry model must be trained (a file edited since is read as it is then; the host
    /// is restarted on content changes). A method of its own so that the set's reader holds these few values only, not
    /// everything else <see cref="Load"/>'s lambdas captured (its parsers' snapshot among them: 1.5 MB at idle).
    /// </summary>
    private static PracticeLetterSet PracticeLetters(
        string contentDirectory, IEnumerable<string> faqIds, IEnumerable<string> articleIds, List<ContentProblem> problems)
    {
        var path = Path.Combine(contentDirectory, "understanding", "practice-letters.tsv");
        var faqs = faqIds.ToHashSet(StringComparer.Ordinal);
        var articles = articleIds.ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<PracticeLetter> Read(List<ContentProblem> found) =>
            File.Exists(path)
                ? PracticeLettersFileReader.Read(File.ReadAllText(path), BotDataLoader.DisplayPath(contentDirectory, path),
                    a => a.Kind == AnswerRef.Faq ? faqs.Contains(a.Id) : articles.Contains(a.Id), found)
                : [];

        var loaded = Read(problems);
        return new PracticeLetterSet(loaded.Count, PracticeLetterSet.DigestOf(loaded), () => Read([]));
    }

    /// <summary>Every dialog a topic names must exist.</summary>
    public static void CheckDialogs(UnderstandingData data, DialogCatalog dialogs, List<ContentProblem> problems)
    {
        foreach (var settings in data.Topics.Where(t => t.Dialog is not null && dialogs.Find(t.Dialog) is null))
        {
            problems.Add(new ContentProblem(settings.Location, $"topic \"{settings.Topic}\": dialog \"{settings.Dialog}\" does not exist"));
        }
    }

    private static string Known(TopicRegistry registry) => string.Join(", ", registry.Topics.Select(t => t.Topic).Order(StringComparer.Ordinal));

    private static List<ExampleQuestion> LoadExamples(
        string contentDirectory, string folder, QuestionNormalizer normalizer, TopicRegistry registry, List<ContentProblem> problems, ContentParsers? parsers)
    {
        var examples = new List<ExampleQuestion>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new ContentProblem(new SourceLocation(BotDataLoader.DisplayPath(contentDirectory, folder), 0, 0), "the examples folder does not exist"));
            return examples;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var read = ExamplesFileReader.Read(File.ReadAllText(path), BotDataLoader.DisplayPath(contentDirectory, path), problems, parsers);
            if (read.Count > 0 && read[0] is var first && !registry.Classes.Contains(first.Topic))
            {
                problems.Add(new ContentProblem(first.Location, $"unknown topic \"{first.Topic}\" (topics.yaml lists: {Known(registry)})"));
                continue;
            }

            examples.AddRange(read);
        }

        foreach (var topic in registry.Classes.Where(t => examples.All(e => e.Topic != t)))
        {
            problems.Add(new ContentProblem(new SourceLocation(BotDataLoader.DisplayPath(contentDirectory, Path.Combine(folder, topic + ".yaml")), 0, 0),
                $"topic \"{topic}\" has no example questions"));
        }

        // One wording under two topics teaches the classifier nothing but doubt: the second one is an error.
        var seen = new Dictionary<string, ExampleQuestion>(StringComparer.Ordinal);
        foreach (var example in examples)
        {
            var key = normalizer.Normalize(example.Text);
            if (!seen.TryAdd(key, example) && seen[key].Topic != example.Topic)
            {
                problems.Add(new ContentProblem(example.Location, $"\"{example.Text}\" is also an example of \"{seen[key].Topic}\" ({seen[key].Location})"));
            }
        }

        return examples;
    }

    private static List<FaqEntry> LoadFaqs(
        string contentDirectory, ContentCatalog content, IReadOnlyList<TopicSettings> topics, QuestionNormalizer normalizer, List<ContentProblem> problems, ContentParsers? parsers)
    {
        var faqs = new List<FaqEntry>();
        var folder = Path.Combine(contentDirectory, "faq");
        if (!Directory.Exists(folder))
        {
            return faqs; // optional: the bot answers from articles alone
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var file = BotDataLoader.DisplayPath(contentDirectory, path);
            var text = File.ReadAllText(path);
            if (FaqFileReader.Read(text, file, normalizer, problems, parsers) is not { } faq)
            {
                continue;
            }

            ArticleFileReader.CheckPlaceholders(text, file, content, problems);
            if (content.FindArticle(faq.AnswerArticle) is not { } article)
            {
                problems.Add(new ContentProblem(faq.Location, $"answer_article \"{faq.AnswerArticle}\" does not exist in content/articles"));
                continue;
            }

            if (topics.FirstOrDefault(t => t.Topic == article.Topic) is { Action: not TopicAction.Answer })
            {
                problems.Add(new ContentProblem(faq.Location, $"article \"{article.Id}\" is about \"{article.Topic}\", which topics.yaml does not answer with articles"));
            }

            if (faq.ForHousehold is { } category && faqs.FirstOrDefault(f => f.ForHousehold == category) is { } first)
            {
                problems.Add(new ContentProblem(faq.Location, $"for_household \"{category}\" is already the answer of \"{first.Id}\"; one entry per category"));
            }

            faqs.Add(faq with { Topic = article.Topic });
        }

        return faqs;
    }

    private static T? ReadRequired<T>(string contentDirectory, string path, List<ContentProblem> problems, Func<string, string, T> read)
    {
        var file = BotDataLoader.DisplayPath(contentDirectory, path);
        if (!File.Exists(path))
        {
            problems.Add(new ContentProblem(new SourceLocation(file, 0, 0), "the file does not exist"));
            return default;
        }

        return read(File.ReadAllText(path), file);
    }
}
