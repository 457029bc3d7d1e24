using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Content;

/// <summary>The in-memory content store the loader builds. Immutable after construction.</summary>
public sealed class ContentCatalog : IContentStore
{
    private readonly Dictionary<string, Article> _articles;
    private readonly Dictionary<string, Fact> _facts;
    private readonly Dictionary<string, Commune> _unitsByKey;
    private readonly Dictionary<string, Commune> _unitsByCode;
    private readonly List<(string Key, Loading.SourceLocation At)> _factUses = [];

    public ContentCatalog(IEnumerable<Article> articles, IEnumerable<Fact> facts, IEnumerable<Commune> communes, DistrictOffice district,
        IEnumerable<LegalAct>? legalActs = null)
    {
        _articles = articles.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _facts = facts.GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        LegalActs = legalActs?.ToList() ?? [];
        Units = communes.ToList();
        Communes = Units.Where(u => u.IsCurrent).ToList();
        District = district;
        _unitsByCode = Units.GroupBy(u => u.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        // Today's communes first: "Hải Anh" is today's xã Hải Anh before the former xã of that name.
        _unitsByKey = new Dictionary<string, Commune>(StringComparer.Ordinal);
        foreach (var unit in Units.OrderBy(u => u.IsCurrent ? 0 : 1))
        {
            foreach (var key in new[] { unit.Code, unit.Name, unit.ShortName }.Concat(unit.Aliases).Select(CommuneKey))
            {
                _unitsByKey.TryAdd(key, unit);
            }
        }
    }

    public IReadOnlyList<Commune> Communes { get; }

    public IReadOnlyList<Commune> Units { get; }

    public IReadOnlyList<LegalAct> LegalActs { get; }

    public DistrictOffice District { get; }

    public IReadOnlyCollection<Article> Articles => _articles.Values;

    /// <summary>Where resident-facing texts use each fact, noted while the loader validates them.</summary>
    public IReadOnlyList<(string Key, Loading.SourceLocation At)> FactUses => _factUses;

    internal void NoteFactUse(string key, Loading.SourceLocation at) => _factUses.Add((key, at));

    public IReadOnlyCollection<Fact> Facts => _facts.Values;

    public Article? FindArticle(string id) => _articles.GetValueOrDefault(id);

    public IReadOnlyList<Article> ArticlesOnTopic(string topic) =>
        _articles.Values.Where(a => a.Topic == topic).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();

    public Fact? FindFact(string key) => _facts.GetValueOrDefault(key);

    public Commune? FindCommune(string codeOrName) => ResolveCommune(codeOrName)?.Current;

    public CommuneResolution? ResolveCommune(string codeOrName) =>
        _unitsByKey.GetValueOrDefault(CommuneKey(codeOrName)) is { } unit ? Resolve(unit) : null;

    /// <summary>Today's commune for a unit of any period: its successors followed to the end.</summary>
    public CommuneResolution Resolve(Commune unit)
    {
        var current = unit;
        for (var hops = 0; !current.IsCurrent && hops < 5; hops++)
        {
            if (current.SuccessorUnknown || current.Successor is null || !_unitsByCode.TryGetValue(current.Successor, out var next))
            {
                return new CommuneResolution(unit, null);
            }

            current = next;
        }

        return new CommuneResolution(unit, current.IsCurrent ? current : null);
    }

    // "TT Yên Định", "thi tran yen dinh", "yen-dinh" and "Yên Định" are one key.
    internal static string CommuneKey(string text)
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
