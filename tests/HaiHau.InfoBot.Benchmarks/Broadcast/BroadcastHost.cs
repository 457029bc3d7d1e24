using System.Globalization;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Host.Broadcasts;
using HaiHau.InfoBot.Host.Channels;
using HaiHau.InfoBot.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HaiHau.InfoBot.Benchmarks.Broadcast;

/// <summary>
/// The real host (Program) in-process on the real system clock, over a SQLite file, with one channel pointed at its
/// fake, quiet hours off, the channel's rate from the options, and the announcement scheduler running over a given
/// audience (the registration-backed audience is not what is measured here). The factory's type argument only names
/// the host's assembly, whose entry point it runs: this project's own top-level Program would hide the host's.
/// </summary>
public sealed class BroadcastHost(string databasePath, FakePlatform platform, BroadcastOptions options, IBroadcastAudience audience)
    : WebApplicationFactory<OutboxWorker>
{
    protected override IHost CreateHost(IHostBuilder builder)
    {
        // The factory would guess the content root from this project's place; the host's folder holds wwwroot.
        builder.UseContentRoot(Path.Combine(RepoPaths.Root, "src", "HaiHau.InfoBot.Host"));
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0"); // never the default port another host may hold
        builder.UseSetting("ConnectionStrings:InfoBot", "Data Source=" + databasePath);
        builder.UseSetting("InfoBot:DialogsPath", RepoPaths.Dialogs);
        builder.UseSetting("InfoBot:ContentPath", RepoPaths.Content);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Error"); // a 429 is logged as a warning; the report counts them
        builder.UseSetting("InfoBot:Delivery:QuietHoursStart", "00:00");
        builder.UseSetting("InfoBot:Delivery:QuietHoursEnd", "00:00"); // equal: no quiet hours, whatever the hour of the run
        builder.UseSetting($"InfoBot:Delivery:Rates:{platform.Channel}:MessagesPerSecond", options.BotRate.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in platform.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton(audience);
            services.AddSingleton<BroadcastScheduler>();
            services.AddHostedService(sp => sp.GetRequiredService<BroadcastScheduler>());
        });
    }
}

/// <summary>The residents of the run, as given (all consented, one person each).</summary>
public sealed class GivenAudience(List<AudienceMember> members) : IBroadcastAudience
{
    public Task<IReadOnlyList<AudienceMember>> CandidatesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<AudienceMember>>(members);
}
