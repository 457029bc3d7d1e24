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
    SourceLocation Location);
