using HaiHau.InfoBot.Host.Operations;
using HaiHau.InfoBot.TestKit;
using Microsoft.Extensions.Configuration;

namespace HaiHau.InfoBot.Host.Tests.Operations;

/// <summary>appsettings.sample.json documents the nightly backup, off by default, with the code's defaults.</summary>
public sealed class BackupSettingsTests
{
    [Fact]
    public void The_sample_has_every_backup_option_with_the_backup_off_and_the_code_defaults()
    {
        var sample = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.sample.json"), optional: false).Build();
        var section = sample.GetSection(BackupOptions.Section);

        Assert.All(typeof(BackupOptions).GetProperties(), p => Assert.True(section.GetSection(p.Name).Exists(), $"{BackupOptions.Section}:{p.Name} is missing"));
        var bound = section.Get<BackupOptions>()!;
        var defaults = new BackupOptions();
        Assert.Equal(("", defaults.Keep, defaults.TimeOfDay), (bound.Folder, bound.Keep, bound.TimeOfDay));
    }

    [Theory]
    [InlineData("2022-09-15T08:00:00+07:00", "2022-09-16T02:30:00+07:00")] // later today has passed: tomorrow night
    [InlineData("2022-09-15T01:00:00+07:00", "2022-09-15T02:30:00+07:00")] // still ahead tonight
    [InlineData("2022-09-14T19:00:00+00:00", "2022-09-15T02:30:00+07:00")] // a UTC clock: 02:00 in Vietnam, so tonight
    [InlineData("2022-09-14T19:30:00+00:00", "2022-09-16T02:30:00+07:00")] // exactly at the time: that run is the one just done
    public void The_next_run_is_the_next_time_of_day_in_Vietnam_time(string now, string expected)
    {
        var next = NightlyBackup.NextRun(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), new TimeSpan(2, 30, 0));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }
}
