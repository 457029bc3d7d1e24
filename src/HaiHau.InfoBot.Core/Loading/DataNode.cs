namespace HaiHau.InfoBot.Core.Loading;

/// <summary>
/// A parser-neutral tree of what a YAML file said, with the location of every value. The Content project
/// builds it with YamlDotNet; node types read it here, so Core keeps no parser dependency.
/// </summary>
public abstract record DataNode(SourceLocation Location);

public sealed record DataScalar(string Value, SourceLocation Location, bool IsNull = false) : DataNode(Location);

public sealed record DataList(IReadOnlyList<DataNode> Items, SourceLocation Location) : DataNode(Location);

public sealed record DataMap(IReadOnlyList<KeyValuePair<DataScalar, DataNode>> Entries, SourceLocation Location) : DataNode(Location)
{
    public DataNode? Get(string key) => Entries.FirstOrDefault(e => e.Key.Value == key).Value;

    public IEnumerable<string> Keys => Entries.Select(e => e.Key.Value);
}
