namespace HaiHau.InfoBot.Storage.Records;

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
    Unreachable = 3,

    /// <summary>An announcement cancelled before this delivery went out.</summary>
    Cancelled = 4,
}

/// <summary>Replies to a resident who just wrote always go before bulk (announcements), and are never held by quiet hours.</summary>
public enum OutboxKind
{
    Reply = 0,
    Bulk = 1,
}

/// <summary>
/// A reply waiting to go out (or gone). Written in the same transaction as the turn that produced it;
/// (InboxId, Sequence) is unique, so a turn can never queue its replies twice.
/// </summary>
public sealed class OutboxRecord
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    public ConversationRecord? Conversation { get; set; }

    public required string Channel { get; set; }

    public required string ChatId { get; set; }

    public long? InboxId { get; set; }

    public InboxRecord? Inbox { get; set; }

    public int Sequence { get; set; }

    public OutboxKind Kind { get; set; }

    /// <summary>The announcement this row delivers (bulk rows only).</summary>
    public long? BroadcastId { get; set; }

    public BroadcastRecord? Broadcast { get; set; }

    public required string Text { get; set; }

    /// <summary>The choices as JSON: [{"Id":"bhyt","Label":"Bảo hiểm y tế"}].</summary>
    public string ChoicesJson { get; set; } = "[]";

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? ExternalId { get; set; }

    public string? Error { get; set; }

    /// <summary>
    /// The host sending this row right now (<see cref="OutboxLeases"/>): set before the platform call and cleared when
    /// the outcome is stored, so a row still claimed after a crash is known to have been in flight.
    /// </summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when <see cref="ClaimedBy"/> holds the row; after it another host (or the restarted one) takes it over.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
}
