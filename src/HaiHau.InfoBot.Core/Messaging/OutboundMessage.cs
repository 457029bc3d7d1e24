namespace HaiHau.InfoBot.Core.Messaging;

/// <summary>What the engine says: plain text and the choices offered. Adapters render it per channel.</summary>
public sealed record OutboundMessage(string Text, IReadOnlyList<QuickReply> QuickReplies)
{
    public static OutboundMessage Plain(string text) => new(text, []);
}

/// <summary>A choice: a short stable id (sent back by buttons) and the Vietnamese label the resident sees.</summary>
public sealed record QuickReply(string Id, string Label);
