using HaiHau.InfoBot.Core.Broadcasts;

namespace HaiHau.InfoBot.Storage.Records;

/// <summary>An announcement. Its deliveries are bulk outbox rows carrying its id, at most one per conversation.</summary>
public sealed class BroadcastRecord
{
    public long Id { get; set; }

    public required string Text { get; set; }

    public string? Link { get; set; }

    /// <summary>The ZNS template officers chose for it (issue 18); null: it does not go by ZNS.</summary>
    public string? ZnsTemplateId { get; set; }

    /// <summary>The <see cref="Segment"/> as JSON.</summary>
    public required string SegmentJson { get; set; }

    public BroadcastState State { get; set; }

    /// <summary>When it may start going out (UTC instant; the page shows it in Vietnam time).</summary>
    public DateTimeOffset ScheduledAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? ApprovedBy { get; set; }

    /// <summary>Residents targeted, fixed when it was fanned out into the outbox.</summary>
    public int Targeted { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
