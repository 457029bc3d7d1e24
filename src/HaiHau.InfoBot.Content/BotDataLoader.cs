using HaiHau.InfoBot.Content.Understanding;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Content;

/// <summary>Everything the bot says and asks, loaded and validated together.</summary>
public sealed record BotData(DialogCatalog Dialogs, ContentCatalog Content, IReadOnlyList<ContentProblem> Problems)
{
    private readonly UnderstandingData _understanding = UnderstandingData.Empty;
    private Lazy<QuestionUnderstanding> _questions = new(() => QuestionUnderstanding.Build(UnderstandingData.Empty, []));

    public bool IsValid => Problems.Count == 0;

    /// <summary>content/understanding and content/faq, as loaded.</summary>
    public UnderstandingData Understanding
    {
        get => _understanding;
        init
        {
            _understanding = value;
            var articles = Content.Articles;
            _questions = new Lazy<QuestionUnderstanding>(() => QuestionUnderstanding.Build(value, articles, store: Classifiers, places: Content));
        }
    }

    /// <summary>Where a trained classifier is looked up before training and kept after it; none: always train.</summary>
    public IClassifierStore? Classifiers { get; init; }

    /// <summary>The classifier, trained on first use (the verbs that only validate never pay for it).</summary>
    public QuestionUnderstanding Questions => _questions.Value;

    /// <summary>Refuses broken data: the host must not start on it.</summary>
    public BotData EnsureValid() => IsValid ? this : throw new ContentInvalidException(Problems);
}

/// <summary>
/// Loads dialogs/ (*.yaml) and content/ (facts.yaml, communes.yaml, articles/*.md) and checks them all:
/// syntax, fields, the dialog graph, and every {fact:…} a resident may read.
/// </summary>
public static class BotDataLoader
{
    /// <param name="contentKey">
    /// <see cref="BotDataCache.Hash"/> of these folders when the caller has it; the parsers' snapshot is kept in
    /// <paramref name="classifiers"/>' folders under it (none: nothing is kept, everything is parsed).
    /// </param>
    public static BotData Load(string dialogsDirectory, string contentDirectory, IClassifierStore? classifiers = null, string? contentKey = null)
    {
        var key = classifiers is null ? null : contentKey ?? BotDataCache.Hash(dialogsDirectory, contentDirectory);
        var parsers = key is null ? ContentParsers.Direct : ContentParsers.Remembering(classifiers!.FindParsed(key));
        var problems = new List<ContentProblem>();
        var content = LoadContent(contentDirectory, problems, parsers, out var articleTexts);
        foreach (var (file, text) in articleTexts)
        {
            ArticleFileReader.CheckPlaceholders(text, file, content, problems);
        }

        var understanding = UnderstandingLoader.Load(contentDirectory, content, problems, parsers);

        var dialogs = new List<DialogDefinition>();
        if (!Directory.Exists(dialogsDirectory))
        {
            problems.Add(new ContentProblem(new SourceLocation(dialogsDirectory, 0, 0), "the dialogs folder does not exist"));
        }
        else
        {
            foreach (var path in Directory.EnumerateFiles(dialogsDirectory, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var file = DisplayPath(dialogsDirectory, path);
                if (DialogFileReader.Read(File.ReadAllText(path), file, problems, parsers) is { } dialog)
                {
                    if (dialogs.Any(d => d.Id == dialog.Id))
                    {
                        problems.Add(new ContentProblem(dialog.Location, $"dialog id \"{dialog.Id}\" is used by another file"));
                        continue;
                    }

                    dialogs.Add(dialog);
                }
            }
        }

        var catalog = new DialogCatalog(dialogs);
        problems.AddRange(DialogValidator.Validate(catalog, content));
        UnderstandingLoader.CheckDialogs(understanding, catalog, problems);
        if (key is not null && problems.Count == 0 && parsers.Parsed > 0)
        {
            classifiers!.KeepParsed(key, parsers.Snapshot()); // only whole, valid content: broken files are reported afresh each time
        }

        return new BotData(catalog, content, problems) { Understanding = understanding, Classifiers = classifiers };
    }

    private static ContentCatalog LoadContent(string directory, List<ContentProblem> problems, ContentParsers parsers, out List<(string File, string Text)> articleTexts)
    {
        articleTexts = [];
        var factsFile = ReadOptional(directory, "facts.yaml", problems, (text, file) => FactsFileReader.Read(text, file, problems, parsers));
        var (communes, district) = ReadOptional(directory, "communes.yaml", problems, (text, file) => CommunesFileReader.Read(text, file, problems, parsers));
        var articles = new List<Article>();
        var articlesDirectory = Path.Combine(directory, "articles");
        if (Directory.Exists(articlesDirectory))
        {
            foreach (var path in Directory.EnumerateFiles(articlesDirectory, "*.md").Order(StringComparer.Ordinal))
            {
                var file = DisplayPath(directory, path);
                var text = File.ReadAllText(path);
                articleTexts.Add((file, text));
                if (ArticleFileReader.Read(text, file, problems, parsers) is { } article)
                {
                    if (articles.Any(a => a.Id == article.Id))
                    {
                        problems.Add(new ContentProblem(article.Location, $"article id \"{article.Id}\" is used twice"));
                        continue;
                    }

                    articles.Add(article);
                }
            }
        }
        else
        {
            problems.Add(new ContentProblem(new SourceLocation(DisplayPath(directory, articlesDirectory), 0, 0), "the articles folder does not exist"));
        }

        return new ContentCatalog(articles, factsFile?.Facts ?? [], communes ?? [], district ?? new DistrictOffice(
            "Tỉnh Ninh Bình", "UBND xã nơi bác ở (Phòng Văn hóa – Xã hội)", null, null, "UBND xã nơi bác ở (Phòng Văn hóa – Xã hội)", null, "giờ hành chính"),
            factsFile?.LegalActs);
    }

    private static T? ReadOptional<T>(string directory, string name, List<ContentProblem> problems, Func<string, string, T> read)
    {
        var path = Path.Combine(directory, name);
        if (!File.Exists(path))
        {
            problems.Add(new ContentProblem(new SourceLocation(DisplayPath(directory, path), 0, 0), "the file does not exist"));
            return default;
        }

        return read(File.ReadAllText(path), DisplayPath(directory, path));
    }

    /// <summary>"dialogs/bhyt.yaml": the folder's own name and the path inside it, whatever the working directory.</summary>
    internal static string DisplayPath(string root, string path)
    {
        var folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)));
        return Path.Combine(folder, Path.GetRelativePath(root, path)).Replace('\\', '/');
    }
}
