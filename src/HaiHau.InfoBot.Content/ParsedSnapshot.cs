using System.Text;
using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Content;

/// <summary>
/// The file form of <see cref="ContentParsers"/>' results: a header, then per text its key and either its chat text or
/// its YAML tree (the file name once, then each node's kind, line, column and value). Nothing personal: content only.
/// A file that does not read to its end exactly is no snapshot at all, and the content is parsed.
/// </summary>
internal static class ParsedSnapshot
{
    private const int Magic = 0x43504848; // "HHPC"
    private const int FormatVersion = 1;
    private const byte YamlResult = 1;
    private const byte MarkdownResult = 2;
    private const byte ScalarNode = 1;
    private const byte NullScalarNode = 2;
    private const byte ListNode = 3;
    private const byte MapNode = 4;

    public static byte[] Write(IReadOnlyDictionary<UInt128, object> results)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(results.Count);
            foreach (var (key, result) in results)
            {
                writer.Write((ulong)(key >> 64));
                writer.Write((ulong)key);
                switch (result)
                {
                    case string text:
                        writer.Write(MarkdownResult);
                        writer.Write(text);
                        break;
                    case DataNode node:
                        // YamlData gives every node of one text that text's file, so it is written once.
                        writer.Write(YamlResult);
                        writer.Write(node.Location.File);
                        WriteNode(writer, node);
                        break;
                    default:
                        throw new ArgumentException($"a parse result cannot be a {result.GetType().Name}", nameof(results));
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>The results, or null when the bytes are not a whole snapshot of this format.</summary>
    public static Dictionary<UInt128, object>? Read(byte[] bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != FormatVersion)
            {
                return null;
            }

            var count = reader.ReadInt32();
            var results = new Dictionary<UInt128, object>(Math.Min(Math.Max(count, 0), bytes.Length / 17));
            for (var i = 0; i < count; i++)
            {
                var key = ((UInt128)reader.ReadUInt64() << 64) | reader.ReadUInt64();
                results[key] = reader.ReadByte() switch
                {
                    MarkdownResult => reader.ReadString(),
                    YamlResult => ReadNode(reader, reader.ReadString()),
                    _ => throw new InvalidDataException("unknown result kind"),
                };
            }

            return reader.BaseStream.Position == bytes.Length ? results : null;
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or FormatException or IOException or ArgumentException)
        {
            return null;
        }
    }

    private static void WriteNode(BinaryWriter writer, DataNode node)
    {
        switch (node)
        {
            case DataScalar scalar:
                writer.Write(scalar.IsNull ? NullScalarNode : ScalarNode);
                WriteAt(writer, node.Location);
                writer.Write(scalar.Value);
                break;
            case DataList list:
                writer.Write(ListNode);
                WriteAt(writer, node.Location);
                writer.Write7BitEncodedInt(list.Items.Count);
                foreach (var item in list.Items)
                {
                    WriteNode(writer, item);
                }

                break;
            case DataMap map:
                writer.Write(MapNode);
                WriteAt(writer, node.Location);
                writer.Write7BitEncodedInt(map.Entries.Count);
                foreach (var (key, value) in map.Entries)
                {
                    WriteNode(writer, key);
                    WriteNode(writer, value);
                }

                break;
            default:
                throw new ArgumentException($"a YAML tree cannot hold a {node.GetType().Name}", nameof(node));
        }
    }

    private static void WriteAt(BinaryWriter writer, SourceLocation at)
    {
        writer.Write7BitEncodedInt(at.Line);
        writer.Write7BitEncodedInt(at.Column);
    }

    private static DataNode ReadNode(BinaryReader reader, string file)
    {
        var kind = reader.ReadByte();
        var at = new SourceLocation(file, reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt());
        switch (kind)
        {
            case ScalarNode or NullScalarNode:
                return new DataScalar(reader.ReadString(), at, kind == NullScalarNode);
            case ListNode:
                var items = new DataNode[Count(reader)];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = ReadNode(reader, file);
                }

                return new DataList(items, at);
            case MapNode:
                var entries = new KeyValuePair<DataScalar, DataNode>[Count(reader)];
                for (var i = 0; i < entries.Length; i++)
                {
                    var key = ReadNode(reader, file) as DataScalar ?? throw new InvalidDataException("a map key must be a scalar");
                    entries[i] = new(key, ReadNode(reader, file));
                }

                return new DataMap(entries, at);
            default:
                throw new InvalidDataException("unknown node kind");
        }
    }

    // A count larger than what is left to read is a torn or foreign file, not an allocation to attempt.
    private static int Count(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        return count >= 0 && count <= reader.BaseStream.Length - reader.BaseStream.Position
            ? count
            : throw new InvalidDataException("a count beyond the file");
    }
}
