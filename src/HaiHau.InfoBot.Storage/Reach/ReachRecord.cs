using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HaiHau.InfoBot.Storage.Reach;

/// <summary>
/// Append-only: one row each time information content reached a resident (an article or answer shown, a screener
/// result, an announcement delivered). Written in the same transaction as the turn (or the delivery) that caused it.
/// Commune, household and declared category are filled only when the resident consented to statistics; erasing
/// the resident's data clears them (the only update the table allows), so the row stays as an anonymous count.
/// </summary>
public sealed class ReachRecord
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The day in Vietnam (UTC+7) as yyyymmdd: reports filter and group by it without time-zone maths.</summary>
    public int Day { get; set; }

    public required string Channel { get; set; }

    public long ConversationId { get; set; }

    public ConversationRecord? Conversation { get; set; }

    /// <summary>See <see cref="ReachKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The content's topic id (health_insurance …), for the breakdown by topic.</summary>
    public string? Topic { get; set; }

    /// <summary>What was delivered: an article id, a broadcast id.</summary>
    public string? Subject { get; set; }

    public string? CommuneCode { get; set; }

    public long? HouseholdId { get; set; }

    public string? DeclaredCategory { get; set; }

    /// <summary>For announcement deliveries (the broadcasts issue).</summary>
    public long? BroadcastId { get; set; }
}

/// <summary>Kinds of information content that count as reach.</summary>
public static class ReachKinds
{
    public const string Article = "article";
    public const string Answer = "answer";
    public const string ScreenerResult = "screener_result";
    public const string Announcement = "announcement";
}

internal sealed class ReachConfiguration : IEntityTypeConfiguration<ReachRecord>
{
    public void Configure(EntityTypeBuilder<ReachRecord> e)
    {
        e.ToTable("reach_log");
        e.HasIndex(x => x.ConversationId);
        // No covering report index: the report keeps the counted rows in memory and reads only new ids (ReachRows).
        e.HasOne(x => x.Conversation).WithMany().HasForeignKey(x => x.ConversationId);
        e.Property(x => x.Channel).HasMaxLength(16);
        e.Property(x => x.Kind).HasMaxLength(32);
        e.Property(x => x.Topic).HasMaxLength(32);
        e.Property(x => x.CommuneCode).HasMaxLength(32);
        e.Property(x => x.DeclaredCategory).HasMaxLength(32);
    }
}
