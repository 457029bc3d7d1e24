namespace HaiHau.InfoBot.Core.Content;

/// <summary>Everything the bot tells, loaded and validated once at start.</summary>
public interface IContentStore
{
    Article? FindArticle(string id);

    IReadOnlyList<Article> ArticlesOnTopic(string topic);

    /// <summary>The fact with all its dated values; say <see cref="Fact.On"/> the day the bot speaks.</summary>
    Fact? FindFact(string key);

    /// <summary>Acts that are repealed or expired: no text may cite them as current.</summary>
    IReadOnlyList<LegalAct> LegalActs { get; }

    /// <summary>Today's communes (the 8 xã since 1/7/2025).</summary>
    IReadOnlyList<Commune> Communes { get; }

    /// <summary>Every unit of every period (34 of 2022, 24 of 2024, the 8 of today).</summary>
    IReadOnlyList<Commune> Units { get; }

    /// <summary>
    /// Today's commune for a code or name of any period, with or without diacritics or the "xã"/"thị trấn"/"TT"
    /// prefix ("hai chau" → xã Hải Thịnh); null when unknown or when the named unit's successor is not known.
    /// </summary>
    Commune? FindCommune(string codeOrName);

    /// <summary>The unit a code or name of any period names, and today's commune for it.</summary>
    CommuneResolution? ResolveCommune(string codeOrName);

    DistrictOffice District { get; }
}
