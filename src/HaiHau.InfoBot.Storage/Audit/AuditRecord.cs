using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HaiHau.InfoBot.Storage.Audit;

/// <summary>
/// One officer action, append-only (SQLite triggers refuse UPDATE and DELETE): who, what, when, and on what
/// (a household, an import, a broadcast, a conversation, an account). Never a resident's message text.
/// </summary>
public sealed class AuditRecord
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The account's id (stable even if the e-mail changes).</summary>
    public required string ActorId { get; set; }

    /// <summary>The account's e-mail as it was at the time, so the log reads without joins.</summary>
    public required string Actor { get; set; }

    /// <summary>What was done: see <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>"household", "import", "broadcast", "conversation", "account", "report".</summary>
    public string? TargetKind { get; set; }

    public string? TargetId { get; set; }

    public string? Commune { get; set; }

    /// <summary>A short factual note (counts, a role), never personal data of a resident.</summary>
    public string? Details { get; set; }
}

/// <summary>The actions the console records.</summary>
public static class AuditActions
{
    public const string AccountCreated = "account_created";
    public const string AccountLocked = "account_locked";
    public const string AccountUnlocked = "account_unlocked";
    public const string PasswordReset = "account_password_reset";
    public const string AccountDisabled = "account_disabled";
    public const string AccountEnabled = "account_enabled";
    public const string HouseholdsImported = "households_imported";
    public const string ImportRefused = "households_import_refused";
    public const string ConversationLinked = "conversation_linked";
    public const string ConversationUnlinked = "conversation_unlinked";
    public const string ReportExported = "report_exported";
    public const string ListingCreated = "listing_created";
    public const string ListingUpdated = "listing_updated";
    public const string ListingExpired = "listing_expired";
    public const string ListingsImported = "listings_imported";
    public const string CourseLeadsExported = "course_leads_exported";
    public const string BroadcastCreated = "broadcast_created";
    public const string BroadcastApproved = "broadcast_approved";
    public const string BroadcastCancelled = "broadcast_cancelled";
    public const string BroadcastPaused = "broadcast_paused";
    public const string BroadcastResumed = "broadcast_resumed";
    public const string ReachRebuilt = "reach_rebuilt";
    public const string RetentionApplied = "retention_applied";
    public const string UnansweredExampleAdded = "unanswered_example_added";
    public const string UnansweredLinked = "unanswered_linked";
    public const string UnansweredMarked = "unanswered_marked";
    public const string UnansweredIgnored = "unanswered_ignored";
    public const string ModelAnswerConfirmed = "model_answer_confirmed";
    public const string FaqDraftsExported = "faq_drafts_exported";
    public const string ZnsTemplateAdded = "zns_template_added";
    public const string ZnsTemplateMapped = "zns_template_mapped";
    public const string ZnsTemplateRemoved = "zns_template_removed";
}

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> e)
    {
        e.ToTable("audit_log");
        e.HasIndex(x => x.At);
        e.Property(x => x.Action).HasMaxLength(64);
        e.Property(x => x.TargetKind).HasMaxLength(32);
        e.Property(x => x.TargetId).HasMaxLength(128);
        e.Property(x => x.Commune).HasMaxLength(32);
    }
}
