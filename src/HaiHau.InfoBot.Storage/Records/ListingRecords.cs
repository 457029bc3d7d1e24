namespace HaiHau.InfoBot.Storage.Records;

/// <summary>What job listings and courses share: imported from an officer's file, upserted by <see cref="Code"/>.</summary>
public abstract class ListingRecordBase
{
    public long Id { get; set; }

    /// <summary>The officer's own id for the row ("VL-2026-014"); a second import of it updates, never duplicates.</summary>
    public required string Code { get; set; }

    public required string Title { get; set; }

    public required string Provider { get; set; }

    public string? CommuneCode { get; set; }

    public string? Place { get; set; }

    public DateOnly Deadline { get; set; }

    public required string Contact { get; set; }

    public required string Source { get; set; }

    public DateOnly PostedOn { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A job vacancy (table job_listings).</summary>
public sealed class JobListingRecord : ListingRecordBase
{
    /// <summary>The employer's offer as written ("6–8 triệu đồng/tháng").</summary>
    public string? Pay { get; set; }
}

/// <summary>A vocational course (table courses).</summary>
public sealed class CourseRecord : ListingRecordBase
{
    /// <summary>The support as the provider writes it ("Miễn học phí; hỗ trợ tiền ăn theo quy định").</summary>
    public string? Support { get; set; }

    public DateOnly? StartsOn { get; set; }
}

/// <summary>A resident asked to be told of new jobs or courses ("jobs" / "courses"), near their commune if known.</summary>
public sealed class NewsSubscriptionRecord
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    public ConversationRecord? Conversation { get; set; }

    public required string Kind { get; set; }

    public string? CommuneCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A resident's registered interest in a course, kept only with their consent (Decree 13/2023/NĐ-CP).</summary>
public sealed class CourseLeadRecord
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    public ConversationRecord? Conversation { get; set; }

    public required string CourseCode { get; set; }

    /// <summary>When the resident said yes to the explanation of what is kept.</summary>
    public DateTimeOffset ConsentedAt { get; set; }
}
