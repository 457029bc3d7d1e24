using HaiHau.InfoBot.TestKit.Speed;

namespace HaiHau.InfoBot.Core.Tests.Docs;

/// <summary>The README's speed table is the committed benchmark JSON rendered, never figures typed by hand.</summary>
public class SpeedTableTests
{
    [Fact]
    public void Readme_speed_table_matches_the_committed_load_results()
    {
        var expected = SpeedTable.Render(File.ReadAllText(SpeedTable.ResultsPath));
        var readme = File.ReadAllText(SpeedTable.ReadmePath).ReplaceLineEndings("\n");

        Assert.Contains(SpeedTable.Start, readme, StringComparison.Ordinal);
        Assert.Equal(expected, SpeedTable.Current(readme));
    }

    [Fact]
    public void Rendered_table_carries_the_run_date_load_average_and_bare_endpoint()
    {
        var table = SpeedTable.Render(File.ReadAllText(SpeedTable.ResultsPath));

        Assert.Contains("load average", table, StringComparison.Ordinal);
        Assert.Contains("bare endpoint", table, StringComparison.Ordinal);
        Assert.Matches(@"Measured \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", table);
    }
}
