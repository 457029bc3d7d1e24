using System.Globalization;
using HaiHau.InfoBot.Core.Content;

namespace HaiHau.InfoBot.Core.Screening;

/// <summary>
/// The rules of one legal period, pure: answers and facts in, an estimate out. Thresholds are never written here;
/// each rule set names the facts.yaml keys it reads, so a change of the law is a change of content plus, when the
/// rules themselves change, a new rule set for the new period (the old one keeps answering for its years).
/// </summary>
public abstract class PovertyRuleSet
{
    /// <summary>Stable id printed by the <c>screen</c> verb, e.g. "nd-07-2021".</summary>
    public abstract string Id { get; }

    public abstract string LegalBasis { get; }

    /// <summary>First and last day the rules apply to (inclusive).</summary>
    public abstract DateOnly ValidFrom { get; }

    public abstract DateOnly ValidTo { get; }

    /// <summary>Every facts.yaml key the rules read; validation checks they exist.</summary>
    public abstract IReadOnlyList<string> FactKeys { get; }

    public abstract ScreeningResult Classify(ScreeningInput input, IContentStore content, bool periodEnded);

    /// <summary>The facts this rule set needs that the content lacks (empty when it can run).</summary>
    public IReadOnlyList<string> MissingFacts(IContentStore content) =>
        FactKeys.Where(k => content.FindFact(k) is not { Kind: FactKind.Money or FactKind.Number }).ToList();

    protected static decimal Number(IContentStore content, string key, List<string> unconfirmed)
    {
        var fact = content.FindFact(key) ?? throw new InvalidOperationException($"fact \"{key}\" is missing from facts.yaml");
        if (!fact.Confirmed)
        {
            unconfirmed.Add(key);
        }

        return decimal.Parse(fact.Value, NumberStyles.Number, CultureInfo.InvariantCulture);
    }
}
