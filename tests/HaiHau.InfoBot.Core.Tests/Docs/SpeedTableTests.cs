using HaiHau.InfoBot.TestKit.Speed;

namespace HaiHau.InfoBot.Core.Tests.Docs;

/// <summary>The README's speed table is the committed benchmark JSON rendered, never figures typed by hand.</summary>
public class SpeedTableTests
{
    [Fact]
    public void Readme_speed_table_matches_the_committed_load_results()
    {
        var readme = File.ReadAllText(SpeedTable.ReadmePath).ReplaceLineEndings("\n");

        Assert.Contains(SpeedTable.Start, readme, StringComparison.Ordinal);
        Assert.Contains(SpeedTable.End, readme, StringComparison.Ordinal);
        Assert.Equal(SpeedTable.RenderCommitted(), SpeedTable.Current(readme));
    }

    [Fact]
    public void A_rendered_table_carries_the_run_date_load_average_and_bare_endpoint()
    {
        var json = """
            {"run":{"at":"2026-12-03T00:00:00+00:00","cores":2,"machine":"AMD EPYC","os":"Linux","runtime":".NET 10.0.1","seconds":10,"warmUpSeconds":6,"users":16,"rate":500,"openLoopUsers":256,"loadAverageBefore":"1.50 1.40 1.30","loadAverageAfter":"2.00 1.60 1.40"},
             "childHost":{"firstStartMs":1400,"restartMs":1300,"idleRssMb":118.2,"rssAfterTurnsMb":140.5,"turnsBeforeSecondRss":200},
             "closedBot":{"turnsPerSecond":2600,"cpuMsPerTurn":0.7},"closedBaseline":{"turnsPerSecond":30000,"cpuMsPerTurn":0.06},
             "openBot":{"rate":500,"latency":{"p50Ms":1.2,"p95Ms":4.1,"p99Ms":9.9}},"openBaseline":{"latency":{"p99Ms":1.1}},
             "database":{"commands":7.8,"connectionOpens":1,"saveChanges":1},"botToBaselineRatio":0.0867}
            """;

        var table = SpeedTable.Render(json);

        Assert.Contains("Measured 2026-12-03 00:00 UTC on 2 cores (AMD EPYC)", table, StringComparison.Ordinal);
        Assert.Contains("load average 1.50 1.40 1.30 before", table, StringComparison.Ordinal);
        Assert.Contains("| closed loop, 16 users (turns/s) | 2,600 | 30,000 | ≥ 2,500 |", table, StringComparison.Ordinal);
        Assert.Contains("| bot ÷ bare endpoint | 8.7 % |", table, StringComparison.Ordinal);
        Assert.Contains("| p99 at 500 turns/s (ms; p50 / p95 in brackets) | 9.9 (1.2 / 4.1) | 1.1 | ≤ 20 |", table, StringComparison.Ordinal);
    }
}
