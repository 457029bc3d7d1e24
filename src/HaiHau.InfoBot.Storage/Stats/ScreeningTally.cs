using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Dialogs.Nodes;
using HaiHau.InfoBot.Storage.Reach;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HaiHau.InfoBot.Storage.Stats;

/// <summary>
/// How many screenings ended in each class, per Vietnam day and commune: a count with no conversation, channel or
/// time of day, so no result can be traced back to the resident who ran it (issue 13: «counted anonymously»).
/// </summary>
public sealed class ScreeningTallyRecord
{
    public long Id { get; set; }

    /// <summary>yyyymmdd in Vietnam (<see cref="ReachDay"/>).</summary>
    public int Day { get; set; }

    /// <summary>Today's commune the resident named, or "" when the screener did not ask.</summary>
    public required string CommuneCode { get; set; }

    /// <summary>The class's wire name (poor, near_poor …).</summary>
    public required string Result { get; set; }

    public int Count { get; set; }
}

/// <summary>Adds each screening a turn completed to the day's tally, in the turn's transaction.</summary>
public sealed class ScreeningTallyWriter : ITurnOutputWriter
{
    public async Task WriteAsync(TurnOutput turn, CancellationToken ct)
    {
        foreach (var e in turn.Result.Events)
        {
            if (e.Kind != EventKinds.ScreeningCompleted || e.Data?.GetValueOrDefault(ScreenNode.ResultData) is not { Length: > 0 } result)
            {
                continue;
            }

            var day = ReachDay.Of(turn.Now);
            var commune = e.Data.GetValueOrDefault(ScreenNode.CommuneData) ?? string.Empty;
            var row = turn.Db.ScreeningTallies.Local.FirstOrDefault(t => t.Day == day && t.CommuneCode == commune && t.Result == result)
                ?? await turn.Db.ScreeningTallies.FirstOrDefaultAsync(t => t.Day == day && t.CommuneCode == commune && t.Result == result, ct);
            if (row is null)
            {
                turn.Db.ScreeningTallies.Add(row = new ScreeningTallyRecord { Day = day, CommuneCode = commune, Result = result });
            }

            row.Count++;
        }
    }
}

internal sealed class ScreeningTallyConfiguration : IEntityTypeConfiguration<ScreeningTallyRecord>
{
    public void Configure(EntityTypeBuilder<ScreeningTallyRecord> e)
    {
        e.ToTable("screening_tallies");
        e.HasIndex(x => new { x.Day, x.CommuneCode, x.Result }).IsUnique();
        e.Property(x => x.CommuneCode).HasMaxLength(32);
        e.Property(x => x.Result).HasMaxLength(32);
    }
}
