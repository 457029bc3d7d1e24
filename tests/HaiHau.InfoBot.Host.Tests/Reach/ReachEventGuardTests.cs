using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Storage.Reach;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Reach;

/// <summary>
/// The seam between the engine and the reach log: every event kind the log counts must be one some conversation
/// really emits, and every way a turn can reach a resident must leave a row. Once the log listened for
/// "faq_answered" while the engine said "question_answered", and FAQ answers and screener results never counted.
/// </summary>
public sealed class ReachEventGuardTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Transcripts");

    [Fact]
    public async Task Every_kind_the_reach_log_counts_is_emitted_by_some_transcript_and_leaves_a_row()
    {
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Folder, "*.chat").Order(StringComparer.Ordinal))
        {
            await Transcript.RunAsync(await File.ReadAllTextAsync(file), async store =>
            {
                await using var db = await store.Factory.CreateDbContextAsync();
                emitted.UnionWith(await db.TurnEvents.Select(e => e.Kind).Distinct().ToListAsync());
                written.UnionWith(await db.ReachLog.Select(r => r.Kind).Distinct().ToListAsync());
            });
        }

        foreach (var kind in ReachCounting.CountedEvents.Keys)
        {
            Assert.True(emitted.Contains(kind.Name), $"the reach log counts \"{kind.Name}\" but no transcript emits it");
        }

        // Announcements reach residents outside turns (OutboxDispatcher); every other reach kind comes from a turn.
        Assert.Equal(ReachCounting.CountedEvents.Values.Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_stored_kind_reads_back_as_the_kind_the_engine_emits()
    {
        Assert.All(EventKinds.All, kind => Assert.Same(kind, EventKinds.Find(kind.Name)));
        Assert.Null(EventKinds.Find("faq_answered"));
        Assert.Equal(EventKinds.All.Count, EventKinds.All.Select(k => k.Name).Distinct(StringComparer.Ordinal).Count());
    }
}
