namespace HaiHau.InfoBot.Core.Messaging;

/// <summary>A conversation's address; it outlives a turn (Bot Framework's ConversationReference).</summary>
public sealed record ConversationRef(string Channel, string UserId, string ChatId)
{
    public string Key => $"{Channel}:{ChatId}";
}
