namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// The one list of topics, as content/understanding/topics.yaml gives them: which ids exist, the label residents and
/// officers read for each, and which are subjects the programme informs about (answered from content: the topics an
/// announcement can target and a resident can subscribe to). Every part of the bot asks here instead of keeping its
/// own list (issue 12 §5), so a topic added to topics.yaml is known everywhere.
/// </summary>
public sealed class TopicRegistry
{
    private readonly Dictionary<string, TopicSettings> _byId;

    public TopicRegistry(IReadOnlyList<TopicSettings> topics)
    {
        Topics = topics;
        _byId = topics.ToDictionary(t => t.Topic, StringComparer.Ordinal);
        Subjects = topics.Where(t => t.Action == TopicAction.Answer).Select(t => t.Topic).ToList();
        Classes = topics.Select(t => t.Topic).Append(UnderstoodQuestion.UnknownTopic).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The topics in the order topics.yaml lists them.</summary>
    public IReadOnlyList<TopicSettings> Topics { get; }

    /// <summary>Topics answered from content, in file order: what announcements target and residents subscribe to.</summary>
    public IReadOnlyList<string> Subjects { get; }

    /// <summary>What the classifier tells apart: every topic and "unknown", in ordinal order (a stable class index).</summary>
    public IReadOnlyList<string> Classes { get; }

    public bool Contains(string id) => _byId.ContainsKey(id);

    public TopicSettings? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The topic's label from topics.yaml, or null for an id it does not list.</summary>
    public string? Label(string id) => _byId.GetValueOrDefault(id)?.Label;
}
