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

/// <summary>
/// One number, date or wording the bot may say, with every value it has had or will have. Texts refer to it as
/// {fact:key}; the bot states the value in force on the day it speaks (<see cref="On"/>), never a fixed one.
/// </summary>
public sealed record Fact(
    string Key,
    FactKind Kind,
    string? Unit,
    string Label,
    IReadOnlyList<FactValue> Values,
    SourceLocation Location)
{
    /// <summary>The value in force on <paramref name="day"/>, or null when the fact has none that day.</summary>
    public FactValue? On(DateOnly day) => Values.FirstOrDefault(v => v.InForceOn(day));

    /// <summary>The first value that starts after <paramref name="day"/> (the upcoming change), if any.</summary>
    public FactValue? NextAfter(DateOnly day) =>
        Values.Where(v => v.ValidFrom is { } from && from > day).MinBy(v => v.ValidFrom);

    /// <summary>The newest value (for officer-facing figures that are historical by nature).</summary>
    public FactValue Latest => Values.MaxBy(v => v.ValidFrom ?? DateOnly.MinValue)!;

    /// <summary>True when some value, at some time, is confirmed (a fact never confirmed may not be told at all).</summary>
    public bool EverConfirmed => Values.Any(v => v.Confirmed);
}

/// <summary>
/// A fact's value over a period (inclusive; null = open-ended), with the legal basis and the source that say so.
/// Only <see cref="Confirmed"/> values ([C] in policy-currency-2026.md) may be told to residents.
/// </summary>
public sealed record FactValue(
    string Value,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string LegalBasis,
    string Source,
    bool Confirmed,
    SourceLocation Location)
{
    public bool InForceOn(DateOnly day) => (ValidFrom is not { } from || day >= from) && (ValidTo is not { } to || day <= to);
}
