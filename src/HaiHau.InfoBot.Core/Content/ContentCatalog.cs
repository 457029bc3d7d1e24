using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Content;

/// <summary>The in-memory content store the loader builds. Immutable after construction.</summary>
public sealed class ContentCatalog : IContentStore
{
    private readonly Dictionary<string, Article> _articles;
    private readonly Dictionary<string, Fact> _facts;
    private readonly Dictionary<string, Commune> _communesByKey;

    public ContentCatalog(IEnumerable<Article> articles, IEnumerable<Fact> facts, IEnumerable<Commune> communes, DistrictOffice district)
    {
        _articles = articles.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _facts = facts.GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Communes = communes.ToList();
        District = district;
        _communesByKey = new Dictionary<string, Commune>(StringComparer.Ordinal);
        foreach (var commune in Communes)
        {
            foreach (var key in new[] { commune.Code, commune.Name, commune.ShortName }.Select(CommuneKey))
            {
                _communesByKey.TryAdd(key, commune);
            }
        }
    }

    public IReadOnlyList<Commune> Communes { get; }

    public DistrictOffice District { get; }

    public IReadOnlyCollection<Article> Articles => _articles.Values;

    public IReadOnlyCollection<Fact> Facts => _facts.Values;

    public Article? FindArticle(string id) => _articles.GetValueOrDefault(id);

    public IReadOnlyList<Article> ArticlesOnTopic(string topic) =>
        _articles.Values.Where(a => a.Topic == topic).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();

    public Fact? FindFact(string key) => _facts.GetValueOrDefault(key);

    public Commune? FindCommune(string codeOrName) => _communesByKey.GetValueOrDefault(CommuneKey(codeOrName));

    // "TT Yên Định", "thi tran yen dinh", "yen-dinh" and "Yên Định" are one key.
    private static string CommuneKey(string text)
    {
        var folded = VietnameseText.Fold(text.Replace('-', ' '));
        foreach (var prefix in new[] { "thi tran ", "tt ", "xa " })
        {
            if (folded.StartsWith(prefix, StringComparison.Ordinal))
            {
                return folded[prefix.Length..];
            }
        }

        return folded;
    }
}
