using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>What every node type gets to read itself from: its id, location and YAML mapping.</summary>
public sealed record NodeSeed(string Id, SourceLocation Location, DataMap Map, DataReader Reader)
{
    /// <summary>Fields every node may have.</summary>
    public static readonly string[] CommonFields = ["id", "type", "next"];

    /// <summary>Fields every prompt may have.</summary>
    public static readonly string[] PromptFields = ["text", "retry_text", "help", "max_attempts", "var", "scope", "on_give_up"];

    public Reference? Next => Ref("next");

    public Reference? Ref(string key, DataMap? map = null)
    {
        map ??= Map;
        var value = Reader.OptionalString(map, key);
        return string.IsNullOrWhiteSpace(value) ? null : new Reference(value, map.Get(key)!.Location);
    }

    public Reference RequiredRef(string key, string what)
    {
        var value = Reader.RequiredString(Map, key, what);
        return new Reference(value, Map.Get(key)?.Location ?? Location);
    }

    public string Text(string key = "text") => Reader.RequiredString(Map, key, $"node \"{Id}\"");

    public SourceLocation At(string key) => Map.Get(key)?.Location ?? Location;

    public bool ConversationScope()
    {
        var scope = Reader.OptionalString(Map, "scope");
        if (scope is not (null or "dialog" or "conversation"))
        {
            Reader.Report(At("scope"), $"scope must be \"dialog\" or \"conversation\", not \"{scope}\"");
        }

        return scope == "conversation";
    }
}
