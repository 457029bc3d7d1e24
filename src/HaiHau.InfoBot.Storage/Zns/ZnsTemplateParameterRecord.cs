using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HaiHau.InfoBot.Storage.Zns;

/// <summary>
/// One parameter of a Zalo-approved ZNS template officers added on the console (issue 18), and the announcement field
/// that fills it (<see cref="Core.Broadcasts.ZnsFields"/>; null until an officer maps it). The names come from Zalo's
/// template information, so they equal the approved template's exactly. No personal data.
/// </summary>
public sealed class ZnsTemplateParameterRecord
{
    public long Id { get; set; }

    public required string TemplateId { get; set; }

    /// <summary>The parameter's name in the template, as Zalo gave it.</summary>
    public required string Name { get; set; }

    /// <summary>The parameter's place in Zalo's list (the console shows them in that order).</summary>
    public int Position { get; set; }

    /// <summary>The longest value Zalo accepts for it, when Zalo said.</summary>
    public int? MaxLength { get; set; }

    public string? Field { get; set; }

    /// <summary>The words of a <see cref="Core.Broadcasts.ZnsFields.Fixed"/> mapping.</summary>
    public string? FixedText { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ZnsTemplateParameterConfiguration : IEntityTypeConfiguration<ZnsTemplateParameterRecord>
{
    public void Configure(EntityTypeBuilder<ZnsTemplateParameterRecord> e)
    {
        e.ToTable("zns_template_parameters");
        e.HasIndex(x => new { x.TemplateId, x.Name }).IsUnique();
        e.Property(x => x.TemplateId).HasMaxLength(64);
        e.Property(x => x.Name).HasMaxLength(64);
        e.Property(x => x.Field).HasMaxLength(16);
        e.Property(x => x.FixedText).HasMaxLength(400);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
    }
}
