using System.Globalization;
using HaiHau.InfoBot.Core.Content;

namespace HaiHau.InfoBot.Core.Screening;

/// <summary>
/// The rules of one legal period, pure: answers, facts and the day in, an estimate out. Thresholds are never written
/// here; each rule set names the facts.yaml keys it reads (their value in force on the day), so a change of a figure
/// is a change of content, and a change of the rules themselves is a new rule set for the new period.
/// </summary>
public abstract class PovertyRuleSet
{
    public const string RuralLine = "chuan-ngheo-nong-thon";
    public const string UrbanLine = "chuan-ngheo-thanh-thi";

    /// <summary>Stable id printed by the <c>screen</c> verb, e.g. "nd-07-2021".</summary>
    public abstract string Id { get; }

    public abstract string LegalBasis { get; }

    /// <summary>First and last day the rules apply to (inclusive).</summary>
    public abstract DateOnly ValidFrom { get; }

    public abstract DateOnly ValidTo { get; }

    /// <summary>The standard's deprivation indicators by code; null while they are not known (never guessed).</summary>
    public abstract IReadOnlyList<DeprivationIndicator>? Indicators { get; }

    /// <summary>Every facts.yaml key the rules read; validation checks they exist.</summary>
    public abstract IReadOnlyList<string> FactKeys { get; }

    public abstract ScreeningResult Classify(ScreeningInput input, IContentStore content, DateOnly day, bool periodEnded = false);

    /// <summary>The facts this rule set needs that the content lacks (empty when it can run).</summary>
    public IReadOnlyList<string> MissingFacts(IContentStore content) =>
        FactKeys.Where(k => content.FindFact(k) is not { Kind: FactKind.Money or FactKind.Number }).ToList();

    /// <summary>The income line for an area on a day (null when facts.yaml has no value that day).</summary>
    public static decimal? Line(IContentStore content, AreaKind area, DateOnly day) =>
        content.FindFact(area == AreaKind.Urban ? UrbanLine : RuralLine)?.On(day) is { } v
            ? decimal.Parse(v.Value, NumberStyles.Number, CultureInfo.InvariantCulture)
            : null;

    protected static decimal Number(IContentStore content, string key, DateOnly day, List<string> unconfirmed)
    {
        var fact = content.FindFact(key) ?? throw new InvalidOperationException($"fact \"{key}\" is missing from facts.yaml");
        var value = fact.On(day) ?? throw new InvalidOperationException($"fact \"{key}\" has no value on {day:yyyy-MM-dd}");
        if (!value.Confirmed)
        {
            unconfirmed.Add(key);
        }

        return decimal.Parse(value.Value, NumberStyles.Number, CultureInfo.InvariantCulture);
    }
}
