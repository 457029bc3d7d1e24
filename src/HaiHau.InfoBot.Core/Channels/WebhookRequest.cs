namespace HaiHau.InfoBot.Core.Channels;

/// <summary>A webhook call as received: header names are case-insensitive; the body is the raw bytes (signatures cover them).</summary>
public sealed record WebhookRequest(IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
