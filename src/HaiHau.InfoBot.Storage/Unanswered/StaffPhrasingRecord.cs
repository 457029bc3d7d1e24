using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HaiHau.InfoBot.Storage.Unanswered;

/// <summary>
/// What staff decided about a way residents asked something the bot could not answer (issue 13 §3): teach it to a
/// topic, link it to an FAQ answer, mark it for a new FAQ entry, or ignore it; or, for an answer the assistant guessed,
/// confirm it was right. Examples, links and confirmations of an entry join the classifier and the answer search without
/// a restart (the host rebuilds them in the background); marks and ignores only shape the console's list.
/// </summary>
public sealed class StaffPhrasingRecord
{
    public long Id { get; set; }

    /// <summary>See <see cref="StaffPhrasingKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The phrasing as staff kept it: the folded question, or their edit of it.</summary>
    public required string Text { get; set; }

    /// <summary>The topic an example teaches, or the topic of the FAQ a link or a confirmation answers with.</summary>
    public string? Topic { get; set; }

    /// <summary>For a link, or a confirmation of an entry the assistant gave: the FAQ entry's id (content/faq/&lt;id&gt;.md).</summary>
    public string? FaqId { get; set; }

    /// <summary>
    /// The conversation the words were copied from, while staff have not rewritten them: erasing that resident's data
    /// («xóa dữ liệu của tôi») deletes the phrasing too. Null once staff edited the words (then they are staff's content).
    /// </summary>
    public long? SourceConversationId { get; set; }

    /// <summary>True when staff changed the resident's words before saving: the phrasing is theirs, and survives erasure.</summary>
    public bool Edited { get; set; }

    /// <summary>The commune of the account that decided (null: district-wide), for the audit and the list.</summary>
    public string? CommuneCode { get; set; }

    /// <summary>How many questions the group held when staff decided.</summary>
    public int GroupSize { get; set; }

    public required string ActorId { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>The decisions staff can take on a group of unanswered questions, or on an answer the assistant guessed.</summary>
public static class StaffPhrasingKinds
{
    public const string Example = "example";
    public const string Link = "link";
    public const string NewFaq = "new_faq";
    public const string Ignore = "ignore";

    /// <summary>
    /// «Đúng rồi» on an answer the assistant guessed: it leaves the list as an ignore does, but the audit log and the
    /// statistics must tell «the guess was right» from «not worth a look». Before 8 December it was stored as an ignore.
    /// From 8 December it keeps the entry given (<see cref="StaffPhrasingRecord.FaqId"/>) and teaches the words to it as a
    /// link does; before, it named no entry and taught nothing.
    /// </summary>
    public const string Confirmed = "confirmed";

    public static readonly IReadOnlyList<string> All = [Example, Link, NewFaq, Ignore, Confirmed];

    /// <summary>The kinds that hide what they cover for good, whenever it was asked (the others: only what was asked before).</summary>
    public static bool CoversForGood(string kind) => kind is Ignore or NewFaq or Confirmed;

    /// <summary>The kinds the bot may learn from; the others only shape the console's list.</summary>
    public static readonly IReadOnlyList<string> Teaching = [Example, Link, Confirmed];

    /// <summary>Whether the bot learns from this decision: an example, a link, or a confirmation that names its entry.</summary>
    public static bool Teaches(StaffPhrasingRecord decision) => decision.Kind switch
    {
        Example or Link => true,
        Confirmed => decision.FaqId is not null,
        _ => false,
    };
}

internal sealed class StaffPhrasingConfiguration : IEntityTypeConfiguration<StaffPhrasingRecord>
{
    public void Configure(EntityTypeBuilder<StaffPhrasingRecord> e)
    {
        e.ToTable("staff_phrasings");
        e.HasIndex(x => x.Kind);
        e.HasIndex(x => x.SourceConversationId);
        e.Property(x => x.Kind).HasMaxLength(16);
        e.Property(x => x.Text).HasMaxLength(400);
        e.Property(x => x.Topic).HasMaxLength(64);
        e.Property(x => x.FaqId).HasMaxLength(64);
        e.Property(x => x.CommuneCode).HasMaxLength(32);
        e.Property(x => x.ActorId).HasMaxLength(64);
    }
}
