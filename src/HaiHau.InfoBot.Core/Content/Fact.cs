using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Core.Content;

public enum FactKind
{
    Money,
    Percent,
    Date,
    Number,
    Text,
}

/// <summary>One number or date the bot may say, with its legal basis. Texts refer to it as {fact:key}.</summary>
public sealed record Fact(
    string Key,
    FactKind Kind,
    string Value,
    string? Unit,
    string Label,
    string LegalBasis,
    string Source,
    bool Confirmed,
    SourceLocation Location);
