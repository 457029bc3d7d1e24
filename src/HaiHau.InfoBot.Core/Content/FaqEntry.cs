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
}
