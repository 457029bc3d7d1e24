namespace HaiHau.InfoBot.Benchmarks.Load;

public sealed record ChildHostResult(double FirstStartMs, double RestartMs, double IdleRssMb, double RssAfterTurnsMb, int TurnsBeforeSecondRss);

/// <summary>
/// Start-up twice (a fresh database, which runs the migrations, then a restart on it, as after a deploy) and the
/// restarted host's RSS: after 2 s idle, then again after a few hundred turns have warmed EF Core and the engine.
/// The host measured is the ReadyToRun publish deploy/Dockerfile ships (<see cref="PublishedHost"/>), not the build output.
/// </summary>
public static class ChildHostProbe
{
    private const int Users = 4;
    private const int TurnsPerUser = 50;

    public static async Task<ChildHostResult> RunAsync(string folder, CancellationToken ct)
    {
        var database = Path.Combine(folder, "child.db");
        var hostDll = await PublishedHost.PublishAsync(ct);
        double firstStart;
        using (var first = await ChildHost.StartAsync(database, ct, hostDll: hostDll))
        {
            firstStart = first.StartUp.TotalMilliseconds;
        }

        using var host = await ChildHost.StartAsync(database, ct, hostDll: hostDll);
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var idleRss = host.RssMegabytes();

        var target = ChatTarget.Bot(host.Address);
        using var client = target.CreateClient(Users);
        await Task.WhenAll(Enumerable.Range(0, Users).Select(async _ =>
        {
            var user = new VirtualUser(target, client);
            await user.StartAsync(ct);
            for (var i = 0; i < TurnsPerUser; i++)
            {
                await user.TurnAsync(ct);
            }
        }));
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        return new ChildHostResult(firstStart, host.StartUp.TotalMilliseconds, idleRss, host.RssMegabytes(), Users * TurnsPerUser);
    }
}
