using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Core.Content;

/// <summary>
/// A short common question and its answer (content/faq/&lt;id&gt;.md). <see cref="Answer"/> is chat-ready text with
/// {fact:key} references, or empty when the article itself is the answer. <see cref="Topic"/> is the article's topic.
/// </summary>
public sealed record FaqEntry(
    string Id,
    string Question,
    IReadOnlyList<string> Keywords,
    string AnswerArticle,
    string Topic,
    string Answer,
    SourceLocation Location)
{
    /// <summary>
    /// Who or what the entry is about when neighbouring entries differ only in that («khuyết tật», «học sinh»,
    /// «chuyển nơi ở»): a question naming another entry's subject and none of these is not this entry's question
    /// (see <see cref="Understanding.SubjectIndex"/>). Empty: the entry takes part in no such check.
    /// </summary>
    public IReadOnlyList<string> Subjects { get; init; } = [];

    /// <summary>
    /// The ages the entry is for, in years, both ends included (older people 60 and over, children under six 0–5):
    /// a question that states ages, none of them in this range, asks about someone else («20 tuổi vẫn được trợ cấp
    /// hằng tháng?» is not the elderly allowance's question). Null: the entry is for any age.
    /// </summary>
    public AgeRange? Ages { get; init; }

    /// <summary>
    /// The household category whose entitlements the entry tells (<see cref="Understanding.ResidentCase.Poor"/>,
    /// <see cref="Understanding.ResidentCase.NearPoor"/>, <see cref="Understanding.ResidentCase.Escaped"/>): the answer
    /// to a resident who only states it («nhà em hộ cận nghèo ạ», see <see cref="Understanding.CategoryStatement"/>).
    /// Null: none. At most one entry per category (the loader reports a second).
    /// </summary>
    public string? ForHousehold { get; init; }
}

/// <summary>Years of age, both ends included.</summary>
public sealed record AgeRange(int From, int To)
{
    public bool Holds(int age) => age >= From && age <= To;
}
