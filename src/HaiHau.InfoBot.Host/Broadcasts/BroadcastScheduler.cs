using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Host.Channels;
using HaiHau.InfoBot.Storage;

namespace HaiHau.InfoBot.Host.Broadcasts;

/// <summary>
/// Fans out each announcement whose time has come into the outbox (STYLE.md §2.2 step 4) and marks finished ones
/// completed. Sleeps on the injected clock until the next scheduled time, or until woken ("send now").
/// </summary>
public sealed class BroadcastScheduler(
    BroadcastStore store,
    IEnumerable<IBroadcastAudience> audiences,
    IEnumerable<IBroadcastRouter> routers,
    OutboxSignal signal,
    HostRoles roles,
    TimeProvider time,
    ILogger<BroadcastScheduler> logger) : BackgroundService
{
    /// <summary>The <see cref="OutboxSignal"/> key that wakes this loop.</summary>
    public const string WakeKey = "broadcasts";

    /// <summary>How often finished announcements are looked for, and the longest sleep.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);

    /// <summary>Raised after an announcement is fanned out, with the number of residents targeted.</summary>
    public event Action<long, int>? FannedOut;

    /// <summary>Raised when the loop sleeps until the given time (tests move the fake clock then).</summary>
    public event Action<DateTimeOffset>? Asleep;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Among several hosts (PostgreSQL) one fans out; a fan-out cut short by its host's death is resumed by
                // the next holder (FanOutAsync skips the residents already queued).
                if (await roles.HoldAsync(HostRoles.Announcements, stoppingToken) == RoleHold.Elsewhere)
                {
                    await SleepAsync(time.GetUtcNow() + HostRoles.Retry, stoppingToken);
                    continue;
                }

                await RunDueAsync(stoppingToken);
                await store.CompleteFinishedAsync(stoppingToken);
                var now = time.GetUtcNow();
                var next = await store.NextDueAtAsync(stoppingToken) ?? now + Poll;
                await SleepAsync(next < now + Poll ? next : now + Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Announcement scheduler failed; retrying");
                await SleepAsync(time.GetUtcNow() + TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    private async Task RunDueAsync(CancellationToken ct)
    {
        foreach (var broadcast in await store.DueAsync(ct))
        {
            // Several sources (registered residents, job/course news subscribers): one person is still picked once.
            var candidates = new List<AudienceMember>();
            foreach (var audience in audiences)
            {
                candidates.AddRange(await audience.CandidatesAsync(ct));
            }

            var members = AudienceSelection.Pick(candidates, BroadcastStore.SegmentOf(broadcast));
            var plan = routers.FirstOrDefault() is { } router ? await router.PlanAsync(members, candidates, broadcast.ZnsTemplateId, ct) : RoutePlan.Direct(members);
            var targeted = await store.FanOutAsync(broadcast.Id, plan.Members, ct);
            logger.LogInformation("Announcement {BroadcastId} fanned out to {Targeted} resident(s)", broadcast.Id, targeted);
            foreach (var channel in plan.Members.Select(r => BroadcastRouteChannels.ChannelOf(r.Route, r.Member.Who.Channel)).Distinct())
            {
                signal.Wake(channel);
            }

            FannedOut?.Invoke(broadcast.Id, targeted);
        }
    }

    private async Task SleepAsync(DateTimeOffset until, CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = until - time.GetUtcNow();
        var timer = delay > TimeSpan.Zero ? Task.Delay(delay, time, linked.Token) : Task.CompletedTask;
        Asleep?.Invoke(until);
        await Task.WhenAny(signal.WaitAsync(WakeKey, linked.Token), timer);
        await linked.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}
