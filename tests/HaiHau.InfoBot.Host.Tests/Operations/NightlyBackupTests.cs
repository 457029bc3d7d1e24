using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.Operations;

/// <summary>The nightly backup of a running host, on a watched fake clock.</summary>
public sealed class NightlyBackupTests : HostTestBase
{
    [Fact]
    public async Task After_the_time_of_day_passes_a_copy_appears_and_only_the_newest_Keep_remain()
    {
        var folder = Path.Combine(Folder.Path, "backups");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "infobot-20220901-023000.db"), "old");
        File.WriteAllText(Path.Combine(folder, "infobot-20220913-023000.db"), "newer");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a backup: left alone");
        var clock = new WatchedClock(InfoBotApp.NewClock().GetUtcNow()); // 15/9/2022 08:00 Vietnam time
        var firstWait = clock.WaitStartedAsync(TimeSpan.FromHours(18.5)); // until 02:30 the next night
        var secondWait = clock.WaitStartedAsync(TimeSpan.FromDays(1));
        using var app = NewApp(clock, new Dictionary<string, string?>
        {
            ["InfoBot:Backup:Folder"] = folder, ["InfoBot:Backup:Keep"] = "2", ["InfoBot:Backup:TimeOfDay"] = "02:30:00",
        });
        await OperationsData.SeedAsync(app, conversations: 1);
        await firstWait.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(File.Exists(Path.Combine(folder, "infobot-20220916-023000.db")));

        clock.Advance(TimeSpan.FromHours(18.5));
        await secondWait.WaitAsync(TimeSpan.FromSeconds(30)); // the job waits for the next night: this one is done

        Assert.Equal(["infobot-20220913-023000.db", "infobot-20220916-023000.db", "notes.txt"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var copy = await OperationsData.CountRowsAsync(Path.Combine(folder, "infobot-20220916-023000.db"));
        Assert.Equal(1, copy["broadcasts"]);
        Assert.Equal(2, copy["households"]);
    }
}
