using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Content.Understanding;

/// <summary>What topics.yaml holds.</summary>
public sealed record TopicsFile(IReadOnlyList<TopicSettings> Topics, UnderstandingMessages Messages, IReadOnlyList<string> QuestionWords);

/// <summary>
/// Reads content/understanding/topics.yaml: for every topic, its button label and what the bot does when a message is
/// about it (answer / dialog / reply), and the sentences the understanding step says itself.
/// </summary>
public static class TopicsFileReader
{
    private static readonly string[] MessageFields = ["not_understood", "which_topic", "read_article", "suggest", "whole_answer", "not_said"];

    public static TopicsFile Read(string yaml, string file, List<ContentProblem> problems, ContentParsers? parsers = null)
    {
        var topics = new List<TopicSettings>();
        if ((parsers ?? ContentParsers.Direct).Yaml(yaml, file, problems) is not DataMap root)
        {
            return new TopicsFile(topics, UnderstandingMessages.Default, []);
        }

        var reader = new DataReader(problems);
        reader.OnlyKnownFields(root, "topics.yaml", "topics", "question_words", "messages");
        foreach (var map in reader.MapList(root, "topics", required: true))
        {
            reader.OnlyKnownFields(map, "a topic", "id", "label", "action", "dialog", "more", "reply", "refer", "names");
            var id = reader.RequiredString(map, "id", "a topic");
            if (id.Length > 0 && (!IsTopicId(id) || id == Topics.Unknown))
            {
                reader.Report(map.Get("id")!.Location, $"\"{id}\" cannot be a topic id: use lower-case letters and \"_\" (\"{Topics.Unknown}\" is kept for messages about no topic)");
                continue;
            }

            if (topics.Any(t => t.Topic == id))
            {
                reader.Report(map.Location, $"topic \"{id}\" is listed twice");
                continue;
            }

            var actionText = reader.RequiredString(map, "action", $"topic \"{id}\"");
            if (!Enum.TryParse<TopicAction>(actionText, ignoreCase: true, out var action) || !Enum.IsDefined(action))
            {
                if (actionText.Length > 0)
                {
                    reader.Report(map.Get("action")!.Location, $"action must be \"answer\", \"dialog\" or \"reply\", not \"{actionText}\"");
                }

                continue;
            }

            var settings = new TopicSettings(
                id,
                reader.RequiredString(map, "label", $"topic \"{id}\""),
                action,
                reader.OptionalString(map, "dialog"),
                reader.OptionalString(map, "more"),
                reader.OptionalString(map, "reply"),
                map.Location)
            {
                Refer = reader.OptionalString(map, "refer"),
                Names = reader.StringList(map, "names"),
            };
            CheckAction(settings, map, reader);
            topics.Add(settings);
        }

        foreach (var missing in Topics.Required.Where(t => topics.All(s => s.Topic != t)).Order(StringComparer.Ordinal))
        {
            reader.Report(root.Location, $"topic \"{missing}\" is missing: the bot's code acts on it, so say what the bot does when a message is about it");
        }

        return new TopicsFile(topics, ReadMessages(root, reader), reader.StringList(root, "question_words"));
    }

    /// <summary>Ids are keys in statistics, stored registrations and file names (examples/&lt;id&gt;.yaml): plain ASCII.</summary>
    private static bool IsTopicId(string id) => id.All(c => c is (>= 'a' and <= 'z') or '_') && char.IsAsciiLetterLower(id[0]);

    private static void CheckAction(TopicSettings settings, DataMap map, DataReader reader)
    {
        switch (settings.Action)
        {
            case TopicAction.Dialog when settings.Dialog is null:
                reader.Report(map.Location, $"topic \"{settings.Topic}\" has action dialog but no \"dialog\"");
                break;
            case TopicAction.Reply when settings.Reply is null:
                reader.Report(map.Location, $"topic \"{settings.Topic}\" has action reply but no \"reply\"");
                break;
            case TopicAction.Answer when settings.Dialog is not null && settings.More is null:
                reader.Report(map.Location, $"topic \"{settings.Topic}\" offers dialog \"{settings.Dialog}\" but has no \"more\" button label");
                break;
        }
    }

    private static UnderstandingMessages ReadMessages(DataMap root, DataReader reader)
    {
        var map = root.Get("messages") as DataMap;
        if (map is null)
        {
            reader.Report(root.Location, "missing \"messages\" (" + string.Join(", ", MessageFields) + ")");
            return UnderstandingMessages.Default;
        }

        reader.OnlyKnownFields(map, "messages", MessageFields);
        return new UnderstandingMessages(
            reader.RequiredString(map, "not_understood", "messages"),
            reader.RequiredString(map, "which_topic", "messages"),
            reader.RequiredString(map, "read_article", "messages"),
            reader.RequiredString(map, "suggest", "messages"),
            reader.RequiredString(map, "whole_answer", "messages"),
            reader.RequiredString(map, "not_said", "messages"));
    }
}
