namespace HaiHau.InfoBot.Storage.Records;

public enum InboxStatus
{
    Pending = 0,
    Done = 1,
    Failed = 2,
}

/// <summary>An inbound message, stored before it is acknowledged; (Channel, ExternalId) is unique.</summary>
public sealed class InboxRecord
{
    public long Id { get; set; }

    public required string Channel { get; set; }

    public required string ExternalId { get; set; }

    public required string ChatId { get; set; }

    public required string UserId { get; set; }

    public string? Text { get; set; }

    public string? Payload { get; set; }

    public bool IsStart { get; set; }

    public string? StartPayload { get; set; }

    /// <summary>A phone number the platform verified (the resident shared their contact); erased with the texts.</summary>
    public string? ContactPhone { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public InboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }
}
