using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Content;

/// <summary>Reads one dialog YAML file into a <see cref="DialogDefinition"/>, reporting every problem it finds.</summary>
public static partial class DialogFileReader
{
    private static readonly string[] DialogFields = ["id", "spec_version", "title", "topic", "start", "nodes"];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    public static DialogDefinition? Read(string yaml, string file, List<ContentProblem> problems, ContentParsers? parsers = null)
    {
        if ((parsers ?? ContentParsers.Direct).Yaml(yaml, file, problems) is not { } root)
        {
            return null;
        }

        if (root is not DataMap map)
        {
            problems.Add(new ContentProblem(root.Location, "a dialog file must be a mapping with id, spec_version, title, start and nodes"));
            return null;
        }

        var reader = new DataReader(problems);
        reader.OnlyKnownFields(map, "a dialog", DialogFields);
        var id = reader.RequiredString(map, "id", "the dialog");
        CheckId(id, map.Get("id")?.Location ?? map.Location, "dialog", reader);
        var expectedId = Path.GetFileNameWithoutExtension(file);
        if (id.Length > 0 && id != expectedId)
        {
            reader.Report(map.Get("id")!.Location, $"dialog id \"{id}\" must match its file name \"{expectedId}\"");
        }

        var version = reader.OptionalInt(map, "spec_version", 0, 1000);
        if (map.Get("spec_version") is null)
        {
            reader.Report(map.Location, "the dialog is missing \"spec_version\"");
        }
        else if (version is < 1 or > DialogDefinition.CurrentSpecVersion)
        {
            reader.Report(map.Get("spec_version")!.Location,
                $"spec_version {version} is not supported (this bot reads 1 to {DialogDefinition.CurrentSpecVersion})");
        }

        var title = reader.RequiredString(map, "title", "the dialog");
        var start = reader.RequiredString(map, "start", "the dialog");
        var nodes = new Dictionary<string, DialogNode>(StringComparer.Ordinal);
        foreach (var nodeMap in reader.MapList(map, "nodes", required: true))
        {
            if (ReadNode(nodeMap, reader) is { } node)
            {
                if (!nodes.TryAdd(node.Id, node))
                {
                    reader.Report(node.Location, $"node id \"{node.Id}\" is used twice");
                }
            }
        }

        return new DialogDefinition
        {
            Id = id,
            SpecVersion = version ?? 0,
            Title = title,
            Topic = reader.OptionalString(map, "topic"),
            Start = start,
            StartLocation = map.Get("start")?.Location ?? map.Location,
            Location = map.Location,
            Nodes = nodes,
        };
    }

    private static DialogNode? ReadNode(DataMap map, DataReader reader)
    {
        var id = reader.RequiredString(map, "id", "a node");
        CheckId(id, map.Get("id")?.Location ?? map.Location, "node", reader);
        var type = reader.RequiredString(map, "type", $"node \"{id}\"");
        if (type.Length == 0)
        {
            return null;
        }

        if (!NodeTypes.All.TryGetValue(type, out var nodeType))
        {
            reader.Report(map.Get("type")!.Location,
                $"unknown node type \"{type}\" (known: {string.Join(", ", NodeTypes.All.Keys)})");
            return null;
        }

        reader.OnlyKnownFields(map, $"a {type} node", nodeType.Fields);
        return nodeType.Read(new NodeSeed(id, map.Location, map, reader));
    }

    private static void CheckId(string id, SourceLocation at, string what, DataReader reader)
    {
        if (id.Length > 0 && !IdPattern().IsMatch(id))
        {
            reader.Report(at, $"{what} id \"{id}\" must be lower-case ASCII letters, digits and '-'");
        }
    }
}
