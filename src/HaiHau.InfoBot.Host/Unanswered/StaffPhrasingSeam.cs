using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Storage.Unanswered;

namespace HaiHau.InfoBot.Host.Unanswered;

/// <summary>
/// Where staff's decisions join the content the understanding is built from: an example becomes one more example
/// question of its topic (the classifier learns it), a link becomes one more keyword of its FAQ entry (the classifier
/// and the answer search both see it). Additive only: content/ stays the source, the database adds to it.
/// </summary>
internal static class StaffPhrasingSeam
{
    /// <summary>The file name staff phrasings are "written in", for anything that reports where an example came from.</summary>
    public const string Origin = "console:staff_phrasings";

    public static UnderstandingData With(UnderstandingData data, IReadOnlyList<StaffPhrasingRecord> phrasings)
    {
        var topics = data.Topics.Select(t => t.Topic).ToHashSet(StringComparer.Ordinal);
        var examples = phrasings
            .Where(p => p.Kind == StaffPhrasingKinds.Example && p.Topic is { } topic && topics.Contains(topic))
            .Select(p => new ExampleQuestion(p.Topic!, p.Text, new SourceLocation(Origin, (int)p.Id, 1)))
            .ToList();
        var links = phrasings.Where(p => p.Kind == StaffPhrasingKinds.Link && p.FaqId is not null)
            .ToLookup(p => p.FaqId!, p => p.Text, StringComparer.Ordinal);
        if (examples.Count == 0 && links.Count == 0)
        {
            return data;
        }

        return data with
        {
            Examples = [.. data.Examples, .. examples],
            Faqs = [.. data.Faqs.Select(f => links.Contains(f.Id) ? f with { Keywords = [.. f.Keywords, .. links[f.Id]] } : f)],
        };
    }
}
