using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// EF indexes every foreign key. An index serves two things: finding a parent's rows, and the database checking that no
/// row still points at a parent being deleted. <see cref="TurnEventRecord.InboxId"/> needs neither: nothing looks a
/// message's events up by it (statistics group the rows they read), and no inbox row is ever deleted (erasure and
/// retention blank a message's words and keep the row). Its index still cost a page written in every turn, one of the
/// thirteen a web turn wrote (issue 15, measured from the WAL's frames). The foreign key stays, so an event cannot name
/// a message that does not exist. Whoever makes inbox rows deletable must index it again first: without the index,
/// each deleted message would make SQLite and PostgreSQL read every event to check it.
/// </summary>
internal sealed class UnindexedForeignKeys(ProviderConventionSetBuilderDependencies dependencies) : ForeignKeyIndexConvention(dependencies)
{
    /// <summary>The foreign keys left without an index: entity type and the one property of the key.</summary>
    private static readonly (Type Entity, string Property)[] Keys = [(typeof(TurnEventRecord), nameof(TurnEventRecord.InboxId))];

    protected override IConventionIndex? CreateIndex(IReadOnlyList<IConventionProperty> properties, bool unique, IConventionEntityTypeBuilder entityTypeBuilder) =>
        properties is [var only] && Keys.Contains((entityTypeBuilder.Metadata.ClrType, only.Name))
            ? null
            : base.CreateIndex(properties, unique, entityTypeBuilder);
}
