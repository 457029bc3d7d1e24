using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaiHau.InfoBot.TestKit.Zalo;

/// <summary>
/// A webhook body from a recorded-shape payload file. Untouched, its bytes are the file's exactly; after an edit
/// (a message id, a text, the time) it is written compactly with Vietnamese unescaped, as Zalo sends it.
/// </summary>
public sealed class ZaloPayload
{
    private static readonly JsonSerializerOptions AsZalo = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly byte[]? _raw;
    private readonly JsonObject _json;

    private ZaloPayload(byte[]? raw, JsonObject json)
    {
        _raw = raw;
        _json = json;
    }

    public static ZaloPayload Load(string path)
    {
        var raw = File.ReadAllBytes(path);
        return new ZaloPayload(raw, JsonNode.Parse(raw)!.AsObject());
    }

    public static ZaloPayload FromBytes(byte[] raw) => new(raw, JsonNode.Parse(raw)!.AsObject());

    /// <summary>The body's timestamp field as its digits (the signature covers exactly these).</summary>
    public string Timestamp => _json["timestamp"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number
        ? v.ToJsonString()
        : _json["timestamp"]?.GetValue<string>() ?? string.Empty;

    public string EventName => _json["event_name"]!.GetValue<string>();

    public string? MessageId => Get("message.msg_id");

    public string? SenderId => Get("sender.id");

    public string? Text => Get("message.text");

    /// <summary>The value at a dotted path as text (a number as its digits), or null.</summary>
    public string? Get(string path)
    {
        JsonNode? node = _json;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node is JsonValue v ? (v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()) : null;
    }

    /// <summary>Sets a string at a dotted path ("message.msg_id"), creating objects on the way.</summary>
    public ZaloPayload With(string path, string value)
    {
        var copy = _json.DeepClone().AsObject();
        var parts = path.Split('.');
        var node = copy;
        foreach (var part in parts[..^1])
        {
            node = (node[part] ??= new JsonObject()).AsObject();
        }

        node[parts[^1]] = value;
        return new ZaloPayload(null, copy);
    }

    /// <summary>Sets a number at a top-level field, as some senders write ids and timestamps.</summary>
    public ZaloPayload WithNumber(string field, long value)
    {
        var copy = _json.DeepClone().AsObject();
        copy[field] = value;
        return new ZaloPayload(null, copy);
    }

    /// <summary>The timestamp as Zalo writes it: a string of epoch milliseconds.</summary>
    public ZaloPayload At(DateTimeOffset time) =>
        With("timestamp", time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    public byte[] ToBytes() => _raw ?? Encoding.UTF8.GetBytes(_json.ToJsonString(AsZalo));

    /// <summary>The same JSON written again by a default serializer: equal in meaning, different in bytes.</summary>
    public byte[] Reserialised() => Encoding.UTF8.GetBytes(JsonNode.Parse(ToBytes())!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
}
