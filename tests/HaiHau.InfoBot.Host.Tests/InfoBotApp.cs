using HaiHau.InfoBot.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HaiHau.InfoBot.Host.Tests;

/// <summary>
/// The real host (Program) over a real SQLite file in a temp folder, with a fake clock.
/// Several apps may share one database file to play a restart: dispose one, create the next. A file that does not exist
/// yet starts as a copy of a migrated template (<see cref="MigratedSqliteTemplate"/>).
/// </summary>
public class InfoBotApp(string connectionString, FakeTimeProvider time, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public FakeTimeProvider Time { get; } = time;

    /// <summary>The PBKDF2 rounds of the test hosts' password hashes (production keeps Identity's default).</summary>
    public const int TestPasswordRounds = 1_000;

    /// <summary>A test's setting for other rounds (Identity's 100,000 where the hash's cost is what is measured).</summary>
    public const string PasswordRoundsSetting = "Test:PasswordRounds";

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2022, 9, 15, 8, 0, 0, TimeSpan.FromHours(7)));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var database = settings?.GetValueOrDefault("ConnectionStrings:InfoBot") ?? connectionString;
        if (Storage.DatabaseProviders.Parse(settings?.GetValueOrDefault(Storage.DatabaseProviders.SettingKey)) == Storage.DatabaseProvider.Sqlite)
        {
            MigratedSqliteTemplate.CopyIfNew(database); // a new file starts as a migrated copy instead of migrating (issue 15)
        }

        builder.UseSetting("ConnectionStrings:InfoBot", connectionString);
        builder.UseSetting("InfoBot:DialogsPath", RepoPaths.Dialogs);
        builder.UseSetting("InfoBot:ContentPath", RepoPaths.Content);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // The understanding the Host's build prepared (the test project's output has no copy): the first host of a run
        // reads it instead of training (issue 15). An absolute path, so not taken relative to the test's binaries.
        builder.UseSetting("InfoBot:PreparedUnderstandingPath", PreparedUnderstanding.Folder);
        // Program's `serve` runs for each factory host: its compaction after start would compact the whole test process.
        builder.UseSetting("InfoBot:CompactAfterStart", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            // Officers' passwords are hashed as in production (PBKDF2, Identity's format) with fewer rounds: at
            // Identity's 100,000 each sign-in and account cost 0.1-0.3 s of CPU, 7 % of the Host tests' CPU.
            var rounds = settings?.GetValueOrDefault(PasswordRoundsSetting) is { } set ? int.Parse(set, System.Globalization.CultureInfo.InvariantCulture) : TestPasswordRounds;
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = rounds);
        });
    }
}
