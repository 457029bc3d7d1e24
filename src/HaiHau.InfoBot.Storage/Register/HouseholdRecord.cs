using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HaiHau.InfoBot.Storage.Register;

/// <summary>
/// A household as the commune's yearly review knows it, by its code (Mã hộ). Its id stays the same across
/// years, so residents link once and reach is counted against whichever year's list a report uses.
/// </summary>
public sealed class HouseholdRecord
{
    public long Id { get; set; }

    /// <summary>The review's household code, normalised (upper case, no spaces).</summary>
    public required string Code { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The category a household has on the official list (the indicator's denominator).</summary>
public enum RegisterCategory
{
    Poor = 1,
    NearPoor = 2,
}

/// <summary>One household on one year's official list of poor and near-poor households; (Year, HouseholdId) is unique.</summary>
public sealed class RegisterEntryRecord
{
    public long Id { get; set; }

    public long HouseholdId { get; set; }

    public HouseholdRecord? Household { get; set; }

    public int Year { get; set; }

    /// <summary>The commune's code from content/communes.yaml (hai-an …).</summary>
    public required string CommuneCode { get; set; }

    /// <summary>
    /// The unit the list named when it was a former one (a 2022 list: "hai-chau", now xã Hải Thịnh): kept so the list
    /// can still be read by its old units. When that unit's successor is unknown and no commune officer's scope says
    /// where it is now, <see cref="CommuneCode"/> is this former code too.
    /// </summary>
    public string? FormerCommuneCode { get; set; }

    public string? Village { get; set; }

    public RegisterCategory Category { get; set; }

    /// <summary>The head of household as the list writes it.</summary>
    public required string HeadName { get; set; }

    /// <summary>The head's name folded (no diacritics, lower case), to match what a resident types.</summary>
    public required string HeadNameKey { get; set; }

    /// <summary>Digits only, national form (0…), when the list has one: matched against a phone the platform verified.</summary>
    public string? Phone { get; set; }

    public long ImportId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One import of a list file: what it did, and who did it.</summary>
public sealed class HouseholdImportRecord
{
    public long Id { get; set; }

    public int Year { get; set; }

    public required string FileName { get; set; }

    /// <summary>The commune a commune officer was limited to; null for a district-wide import.</summary>
    public string? Commune { get; set; }

    public required string Actor { get; set; }

    public DateTimeOffset At { get; set; }

    public int Inserted { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Rejected { get; set; }

    /// <summary>False when the file was refused whole because some rows were rejected.</summary>
    public bool Applied { get; set; }
}

internal sealed class HouseholdConfiguration :
    IEntityTypeConfiguration<HouseholdRecord>, IEntityTypeConfiguration<RegisterEntryRecord>, IEntityTypeConfiguration<HouseholdImportRecord>
{
    public void Configure(EntityTypeBuilder<HouseholdRecord> e)
    {
        e.ToTable("households");
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.Code).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<RegisterEntryRecord> e)
    {
        e.ToTable("register_entries");
        e.HasIndex(x => new { x.Year, x.HouseholdId }).IsUnique();
        e.HasIndex(x => new { x.Year, x.CommuneCode, x.Category }); // the report's denominator per commune
        e.HasIndex(x => x.Phone);
        e.HasOne(x => x.Household).WithMany().HasForeignKey(x => x.HouseholdId);
        e.Property(x => x.CommuneCode).HasMaxLength(32);
        e.Property(x => x.Phone).HasMaxLength(16);
    }

    public void Configure(EntityTypeBuilder<HouseholdImportRecord> e)
    {
        e.ToTable("household_imports");
        e.HasIndex(x => x.At);
    }
}
