using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HaiHau.InfoBot.Storage.Residents;

/// <summary>
/// What a resident chose to tell when registering («Đăng ký nhận tin»), one row per conversation: consent per
/// purpose, commune, the household category in their own words, topics, and the register household they are linked
/// to. The minimum (Decree 13/2023/NĐ-CP): no name, no phone. Deleted whole on «xóa dữ liệu của tôi».
/// </summary>
public sealed class ResidentProfileRecord
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    public ConversationRecord? Conversation { get; set; }

    public required string Channel { get; set; }

    /// <summary>Consent to receive announcements; cleared by «dừng» / «hủy đăng ký».</summary>
    public bool ConsentAnnouncements { get; set; }

    /// <summary>Consent to be counted (commune, category, household) in the programme's statistics.</summary>
    public bool ConsentStatistics { get; set; }

    public DateTimeOffset? ConsentedAt { get; set; }

    public DateTimeOffset? AnnouncementsStoppedAt { get; set; }

    public string? CommuneCode { get; set; }

    /// <summary>The category as the resident says it: see <see cref="DeclaredCategories"/>.</summary>
    public string? DeclaredCategory { get; set; }

    /// <summary>Topic ids, space-separated (registration topics of content: health_insurance credit …), or "all".</summary>
    public string? Topics { get; set; }

    public long? HouseholdId { get; set; }

    public HouseholdRecord? Household { get; set; }

    /// <summary>How the link was made: "resident" (code + name typed), "phone" (platform-verified), "officer".</summary>
    public string? LinkedBy { get; set; }

    public DateTimeOffset? LinkedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The household categories a resident may declare (ids the dialog stores).</summary>
public static class DeclaredCategories
{
    public const string Poor = "ngheo";
    public const string NearPoor = "can-ngheo";
    public const string NewlyEscaped = "moi-thoat-ngheo";
    public const string Average = "trung-binh";
    public const string Other = "khac";
    public const string NotSaid = "khong-noi";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Poor, NearPoor, NewlyEscaped, Average, Other, NotSaid };

    public static string Label(string? id) => id switch
    {
        Poor => "Hộ nghèo",
        NearPoor => "Hộ cận nghèo",
        NewlyEscaped => "Hộ mới thoát nghèo",
        Average => "Hộ có mức sống trung bình",
        Other => "Khác",
        NotSaid => "Không muốn nói",
        _ => "Chưa cho biết",
    };
}

internal sealed class ResidentProfileConfiguration : IEntityTypeConfiguration<ResidentProfileRecord>
{
    public void Configure(EntityTypeBuilder<ResidentProfileRecord> e)
    {
        e.ToTable("resident_profiles");
        e.HasIndex(x => x.ConversationId).IsUnique();
        e.HasIndex(x => x.HouseholdId);
        e.HasIndex(x => x.CommuneCode);
        e.HasOne(x => x.Conversation).WithMany().HasForeignKey(x => x.ConversationId);
        e.HasOne(x => x.Household).WithMany().HasForeignKey(x => x.HouseholdId);
        e.Property(x => x.Channel).HasMaxLength(16);
        e.Property(x => x.CommuneCode).HasMaxLength(32);
        e.Property(x => x.DeclaredCategory).HasMaxLength(32);
    }
}
