using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Core.Content;

/// <summary>A Vietnamese article; <see cref="Body"/> is chat-ready text that may hold {fact:key} references.</summary>
public sealed record Article(
    string Id,
    string Title,
    string Topic,
    string Summary,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Sources,
    string Body,
    SourceLocation Location)
{
    /// <summary>
    /// A topic's general article (front matter <c>general: true</c>), about many matters at once: an FAQ entry that
    /// names it as its <c>answer_article</c> offers no «Đọc bài đầy đủ», since it would not say more of that entry. The
    /// land-dispute, phone-scam and elderly-allowance answers led to «Các hỗ trợ khác…» (tuition, electricity, clean
    /// water), under a button that promised the rest of the answer.
    /// </summary>
    public bool General { get; init; }
}
