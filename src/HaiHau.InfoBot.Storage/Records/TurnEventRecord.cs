namespace HaiHau.InfoBot.Storage.Records;

/// <summary>Append-only: what happened in a turn (article viewed, prompt abandoned …). Statistics read these.</summary>
public sealed class TurnEventRecord
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    public ConversationRecord? Conversation { get; set; }

    public required string Channel { get; set; }

    public required string Kind { get; set; }

    public string? Subject { get; set; }

    public DateTimeOffset At { get; set; }

    public long? InboxId { get; set; }

    public InboxRecord? Inbox { get; set; }
}
