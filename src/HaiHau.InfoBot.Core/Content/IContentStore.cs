namespace HaiHau.InfoBot.Core.Content;

/// <summary>Everything the bot tells, loaded and validated once at start.</summary>
public interface IContentStore
{
    Article? FindArticle(string id);

    IReadOnlyList<Article> ArticlesOnTopic(string topic);

    Fact? FindFact(string key);

    IReadOnlyList<Commune> Communes { get; }

    /// <summary>By code or by name, with or without diacritics or the "xã"/"thị trấn" prefix.</summary>
    Commune? FindCommune(string codeOrName);

    DistrictOffice District { get; }
}
