using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Reach;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Register;
using HaiHau.InfoBot.Storage.Residents;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// The bot's SQLite database: inbox, conversations, outbox, turn events, channel state, announcements, listings,
/// subscriptions and leads; the officer console's accounts (ASP.NET Core Identity's tables, hence the base class),
/// household register, resident profiles, reach log and audit log. One file and one context, so an officer's action
/// and its audit row commit together.
/// </summary>
public sealed class InfoBotDbContext(DbContextOptions<InfoBotDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<InboxRecord> Inbox => Set<InboxRecord>();

    public DbSet<ConversationRecord> Conversations => Set<ConversationRecord>();

    public DbSet<OutboxRecord> Outbox => Set<OutboxRecord>();

    public DbSet<TurnEventRecord> TurnEvents => Set<TurnEventRecord>();

    public DbSet<ChannelStateRecord> ChannelState => Set<ChannelStateRecord>();

    public DbSet<BroadcastRecord> Broadcasts => Set<BroadcastRecord>();

    public DbSet<JobListingRecord> JobListings => Set<JobListingRecord>();

    public DbSet<CourseRecord> Courses => Set<CourseRecord>();

    public DbSet<NewsSubscriptionRecord> NewsSubscriptions => Set<NewsSubscriptionRecord>();

    public DbSet<CourseLeadRecord> CourseLeads => Set<CourseLeadRecord>();

    public DbSet<HouseholdRecord> Households => Set<HouseholdRecord>();

    public DbSet<RegisterEntryRecord> RegisterEntries => Set<RegisterEntryRecord>();

    public DbSet<HouseholdImportRecord> HouseholdImports => Set<HouseholdImportRecord>();

    public DbSet<ResidentProfileRecord> ResidentProfiles => Set<ResidentProfileRecord>();

    public DbSet<ReachRecord> ReachLog => Set<ReachRecord>();

    public DbSet<AuditRecord> AuditLog => Set<AuditRecord>();

    public DbSet<Stats.ScreeningTallyRecord> ScreeningTallies => Set<Stats.ScreeningTallyRecord>();
    public DbSet<Unanswered.StaffPhrasingRecord> StaffPhrasings => Set<Unanswered.StaffPhrasingRecord>();

    public DbSet<Zns.ZnsTemplateParameterRecord> ZnsTemplateParameters => Set<Zns.ZnsTemplateParameterRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset stored as text; a binary long keeps order and offset.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        // EF's foreign-key index convention, with the keys no query needs left out (UnindexedForeignKeys). Removed and
        // added, not replaced: Conventions.Replace left EF's own in place and the index came back.
        configurationBuilder.Conventions.Remove<ForeignKeyIndexConvention>();
        configurationBuilder.Conventions.Add(services => new UnindexedForeignKeys(services.GetRequiredService<ProviderConventionSetBuilderDependencies>()));
    }

    // The values the partial indexes' conditions name, as the queries' inlined enums and constants write them: an index is
    // used only when the query's own condition repeats its condition (QueueIndexTests plans the product's queries).
    private static readonly string InboxPending = ((int)InboxStatus.Pending).ToString(System.Globalization.CultureInfo.InvariantCulture);
    private static readonly string Pending = ((int)OutboxStatus.Pending).ToString(System.Globalization.CultureInfo.InvariantCulture);
    private static readonly string Sent = ((int)OutboxStatus.Sent).ToString(System.Globalization.CultureInfo.InvariantCulture);
    private const string ZnsChannel = Core.Broadcasts.BroadcastRouteChannels.ZaloZns;

    /// <summary>A column as an index's condition names it: quoted on PostgreSQL, which folds unquoted names to lower case.</summary>
    private string Name(string column) => this.IsPostgres() ? $"\"{column}\"" : column;

#pragma warning disable CA1725 // Identity names it "builder"; keeping "modelBuilder" keeps this method's history readable.
    protected override void OnModelCreating(ModelBuilder modelBuilder)
#pragma warning restore CA1725
    {
        base.OnModelCreating(modelBuilder); // Identity's tables
        modelBuilder.ApplyConfiguration<HouseholdRecord>(new HouseholdConfiguration());
        modelBuilder.ApplyConfiguration<RegisterEntryRecord>(new HouseholdConfiguration());
        modelBuilder.ApplyConfiguration<HouseholdImportRecord>(new HouseholdConfiguration());
        modelBuilder.ApplyConfiguration(new ResidentProfileConfiguration());
        modelBuilder.ApplyConfiguration(new ReachConfiguration());
        modelBuilder.ApplyConfiguration(new AuditConfiguration());
        modelBuilder.ApplyConfiguration(new Stats.ScreeningTallyConfiguration());
        modelBuilder.ApplyConfiguration(new Unanswered.StaffPhrasingConfiguration());
        modelBuilder.ApplyConfiguration(new Zns.ZnsTemplateParameterConfiguration());
        modelBuilder.Entity<InboxRecord>(e =>
        {
            e.ToTable("inbox");
            e.HasIndex(x => new { x.Channel, x.ExternalId }).IsUnique();
            // The inbox worker's queue: only pending rows are ever looked up by status, and a web or terminal turn's
            // message is stored already done, so it stays out of this index (one B-tree page less for each turn to write:
            // a web turn wrote about 20 pages to the WAL, issue 15). The literal matches the queries' inlined enum.
            e.HasIndex(x => new { x.Status, x.Id }).HasFilter($"{Name("Status")} = {InboxPending}");
            e.Property(x => x.Channel).HasMaxLength(16);
            e.Property(x => x.ExternalId).HasMaxLength(128);
        });
        modelBuilder.Entity<ConversationRecord>(e =>
        {
            e.ToTable("conversations");
            e.HasIndex(x => new { x.Channel, x.ChatId }).IsUnique();
            e.Property(x => x.Channel).HasMaxLength(16);
            e.Property(x => x.ChatId).HasMaxLength(128);
        });
        modelBuilder.Entity<OutboxRecord>(e =>
        {
            e.ToTable("outbox");
            e.HasIndex(x => new { x.InboxId, x.Sequence }).IsUnique();
            // The sender's "head of each chat's queue": it, the health check, the leases and the metrics look for pending
            // rows only, so a web reply (stored already sent) and every settled row stay out (issue 15, a page less per turn).
            e.HasIndex(x => new { x.Channel, x.Status, x.Kind, x.ChatId }).HasFilter($"{Name("Status")} = {Pending}");
            // The month's ZNS spending (ZaloRouter): sent ZNS messages by time, the only settled rows looked up by status. The
            // channel leads although the condition fixes it: SQLite then prefers this index to the web chat's (Channel, …).
            e.HasIndex(x => new { x.Channel, x.SentAt }).HasFilter($"{Name("Channel")} = '{ZnsChannel}' AND {Name("Status")} = {Sent}");
            // An announcement's progress: every query names a broadcast, so a reply (no broadcast) need not be indexed here.
            e.HasIndex(x => new { x.BroadcastId, x.Status }).HasFilter($"{Name("BroadcastId")} IS NOT NULL");
            // At most one delivery of an announcement per conversation, whatever crashes and restarts happen during fan-out.
            e.HasIndex(x => new { x.BroadcastId, x.ConversationId }).IsUnique()
                .HasFilter($"{Name("BroadcastId")} IS NOT NULL");
            e.HasOne(x => x.Broadcast).WithMany().HasForeignKey(x => x.BroadcastId);
            // A conversation's replies in order: the web chat's "replies after N" on page load (through the conversation),
            // erasure, and the foreign key's cascade. No index by (channel, chat) as well: one more page per reply (issue 15).
            e.HasIndex(x => new { x.ConversationId, x.Id });
            e.Property(x => x.ClaimedBy).HasMaxLength(96);
            e.HasOne(x => x.Conversation).WithMany().HasForeignKey(x => x.ConversationId);
            e.HasOne(x => x.Inbox).WithMany().HasForeignKey(x => x.InboxId);
        });
        modelBuilder.Entity<TurnEventRecord>(e =>
        {
            e.ToTable("turn_events");
            e.HasIndex(x => new { x.Kind, x.At });
            e.HasIndex(x => x.ConversationId);
            e.HasOne(x => x.Conversation).WithMany().HasForeignKey(x => x.ConversationId);
            e.HasOne(x => x.Inbox).WithMany().HasForeignKey(x => x.InboxId); // not indexed: see UnindexedForeignKeys
        });
        modelBuilder.Entity<BroadcastRecord>(e =>
        {
            e.ToTable("broadcasts");
            e.HasIndex(x => new { x.State, x.ScheduledAt });
            e.Property(x => x.ZnsTemplateId).HasMaxLength(64);
        });
        modelBuilder.Entity<ChannelStateRecord>(e =>
        {
            e.ToTable("channel_state");
            e.HasIndex(x => new { x.Channel, x.Key }).IsUnique();
            e.Property(x => x.Channel).HasMaxLength(16);
            e.Property(x => x.Key).HasMaxLength(64);
        });
        modelBuilder.Entity<JobListingRecord>(e =>
        {
            e.ToTable("job_listings");
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Code).HasMaxLength(64);
        });
        modelBuilder.Entity<CourseRecord>(e =>
        {
            e.ToTable("courses");
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Code).HasMaxLength(64);
        });
        modelBuilder.Entity<NewsSubscriptionRecord>(e =>
        {
            e.ToTable("news_subscriptions");
            e.HasIndex(x => new { x.ConversationId, x.Kind }).IsUnique();
            e.HasIndex(x => new { x.Kind, x.CommuneCode }); // "who wants news of jobs in Hải Châu"
            e.Property(x => x.Kind).HasMaxLength(16);
            e.HasOne(x => x.Conversation).WithMany().HasForeignKey(x => x.ConversationId);
        });
        modelBuilder.Entity<CourseLeadRecord>(e =>
        {
            e.ToTable("course_leads");
            e.HasIndex(x => new { x.ConversationId, x.CourseCode }).IsUnique();
            e.HasIndex(x => x.CourseCode);
            e.Property(x => x.CourseCode).HasMaxLength(64);
            e.HasOne(x => x.Conversation).WithMany().HasForeignKey(x => x.ConversationId);
        });
    }
}
