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
    SourceLocation Location);
