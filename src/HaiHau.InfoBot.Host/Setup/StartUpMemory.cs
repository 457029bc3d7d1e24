using HaiHau.InfoBot.Host.Turns;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.Setup;

/// <summary>
/// Gives back the memory start-up used and no longer needs (issue 15). Loading and validating the content, training or
/// reading the classifier, EF Core's model and the warm-up turn allocate far more than stays live (about 16 MB live
/// of 77 MB the GC had committed when the host went idle), and a bot that then waits for residents would keep all of it.
/// One aggressive collection (compacts every generation and decommits the free space) once the host answers and its
/// warm-up turn has ended (<see cref="StoreInitializer.WarmedUp"/>; collected before it, the warm-up's garbage stayed
/// committed: 1.5-2 MB more at idle), on a thread-pool thread so it is not on the way to a request. Runtime knobs (a smaller gen-0 budget,
/// conserve-memory) were measured and did not come close, since they cap growth rather than return it.
/// Only for `serve`, and not when <see cref="InfoBotOptions.CompactAfterStart"/> is off: the test factory
/// (WebApplicationFactory) runs Program's `serve` for each in-process host, and a compaction of the test process for each
/// of them was its largest single cost.
/// </summary>
internal static class StartUpMemory
{
    public static void ReleaseOnceWarm(IServiceProvider services, IHostApplicationLifetime lifetime)
    {
        if (!services.GetRequiredService<IOptions<InfoBotOptions>>().Value.CompactAfterStart)
        {
            return;
        }

        lifetime.ApplicationStarted.Register(() => services.GetRequiredService<StoreInitializer>().WarmedUp.ContinueWith(
            static _ => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true),
            CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default));
    }
}
