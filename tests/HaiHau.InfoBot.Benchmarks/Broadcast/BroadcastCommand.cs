using System.Diagnostics;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Host.Broadcasts;
using HaiHau.InfoBot.Host.Channels;
using HaiHau.InfoBot.Host.Zalo;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Zns;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Benchmarks.Broadcast;

/// <summary>
/// "broadcast": one announcement to N residents through the real host, the outbox and the channel's pacing, against a
/// fake platform that enforces its limit. Measures the rate the platform saw, as a share of its cap, and its refusals.
/// </summary>
public static class BroadcastCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (code, lastLine) = await RunOnceAsync(BroadcastOptions.Parse(args));
        if (lastLine is not null)
        {
            Console.WriteLine(lastLine); // after the host has stopped, so no shutdown log follows it
        }

        return code;
    }

    private static async Task<(int Code, string? LastLine)> RunOnceAsync(BroadcastOptions options)
    {
        var ct = CancellationToken.None; // bounded by the deadline below
        using var temp = new TempDirectory();
        await using var platform = await FakePlatform.StartAsync(options);
        var members = new List<AudienceMember>();
        await using var host = new BroadcastHost(Path.Combine(temp.Path, "broadcast.db"), platform, options, new GivenAudience(members));
        var services = host.Services; // starts the host

        Console.WriteLine($"[1/3] seeding {options.Residents} {options.Channel} residents");
        await SeedAsync(services, platform, options, members, ct);

        Console.WriteLine($"[2/3] one announcement now; bot paced at {options.BotRate}/s, platform cap {options.CapPerWindow} per {options.Window.TotalSeconds} s");
        var store = services.GetRequiredService<BroadcastStore>();
        var fannedOut = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        services.GetRequiredService<BroadcastScheduler>().FannedOut += (_, _) => fannedOut.TrySetResult(clock.Elapsed);
        var scheduledAt = DateTimeOffset.UtcNow;
        var id = await store.CreateAsync(new BroadcastDraft("Thông báo: họp thôn lúc 8 giờ sáng Chủ nhật tại nhà văn hoá.", null, Segment.Everyone, scheduledAt, "bench@haihau.local", ZnsTemplateId: options.Zns ? FakePlatform.ZnsTemplate : null), ct);
        services.GetRequiredService<OutboxSignal>().Wake(BroadcastScheduler.WakeKey);

        Console.WriteLine("[3/3] waiting for every delivery");
        // Twice the ideal time plus a margin for a 429's pause (Zalo's -32 pauses a minute): a stuck run ends, reported.
        var deadline = TimeSpan.FromSeconds((2 * options.Residents / options.BotRate) + (options.Zns ? 2 * options.Residents / 25.0 : 0) + 120);
        var progress = await WaitAsync(store, id, options.Residents, deadline, ct);
        var total = clock.Elapsed;

        var result = BroadcastResult.From(options, platform.Cap.Calls, progress, scheduledAt, await fannedOut.Task.WaitAsync(TimeSpan.FromSeconds(1), ct), total);
        BroadcastReport.Print(result);
        var path = await BroadcastReport.WriteJsonAsync(result, ct);
        Console.WriteLine($"written: {path}");
        if (options.SilentShare > 0 || options.Zns)
        {
            // The last line, as the issue asks: the share of residents who received it, and how many got it twice.
            var reach = RouteReach.From(platform, options);
            Console.WriteLine($"  routes: {reach.Consultation} by consultation message, {reach.Zns} by ZNS; {reach.ZnsRefusedForQuota} ZNS refused for the quota; {progress.Failed} failed ({string.Join(", ", progress.FailedByReason.Select(f => $"{f.Key}: {f.Value}"))}), {progress.Unreachable} not reachable");
            return (reach.DeliveredShare >= 0.95 && reach.Duplicates == 0 && reach.ZnsRefusedForQuota == 0 ? 0 : 1,
                FormattableString.Invariant($"delivered={reach.DeliveredShare:0.000} duplicates={reach.Duplicates}"));
        }

        return (result.Complete ? 0 : 1, null);
    }

    /// <summary>
    /// N consenting residents, one person each. With --silent-share S, the first S·N last wrote a month ago (outside
    /// the window), the others today (an inbox row, as the real webhook leaves); with --zns the silent ones consented
    /// to ZNS by phone.
    /// </summary>
    private static async Task SeedAsync(IServiceProvider services, FakePlatform platform, BroadcastOptions options, List<AudienceMember> members, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var silent = (int)Math.Round(options.Residents * options.SilentShare);
        await using var db = await services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync(ct);
        var rows = Enumerable.Range(0, options.Residents)
            .Select(i => new ConversationRecord { Channel = platform.Channel, ChatId = platform.ChatId(i), UserId = platform.ChatId(i), CreatedAt = now, UpdatedAt = now })
            .ToList();
        db.Conversations.AddRange(rows);
        if (platform.Zalo is { } zalo)
        {
            for (var i = 0; i < options.Residents; i++)
            {
                var wrote = i < silent ? now.AddDays(-30) : now;
                zalo.Interacted(platform.ChatId(i), wrote);
                db.Inbox.Add(new InboxRecord { Channel = platform.Channel, ExternalId = $"seed-{i}", ChatId = platform.ChatId(i), UserId = platform.ChatId(i), ReceivedAt = wrote, Status = InboxStatus.Done });
            }
        }

        await db.SaveChangesAsync(ct);
        if (options.Zns)
        {
            // What an officer does once on /admin/zns: the template's two parameters mapped to the text and the day.
            var templates = services.GetRequiredService<ZnsTemplateStore>();
            await templates.AddAsync(FakePlatform.ZnsTemplate, [new("noi_dung", null), new("ngay", null)], "bench@haihau.local", ct);
            await templates.MapAsync(FakePlatform.ZnsTemplate, new Dictionary<string, (string?, string?)> { ["noi_dung"] = (ZnsFields.Text, null), ["ngay"] = (ZnsFields.Date, null) }, "bench@haihau.local", ct);
            var phones = services.GetRequiredService<ZnsPhoneBook>();
            for (var i = 0; i < silent; i++)
            {
                await phones.SetAsync(rows[i].Id, FakePlatform.Phone(i), ct);
            }
        }

        members.AddRange(rows.Select(r => new AudienceMember(
            r.Id, new ConversationRef(platform.Channel, r.UserId, r.ChatId), "hai-chau", "can-ngheo", [], AudienceMember.PersonKeyOf(r.Id), null)));
    }

    /// <summary>Reads the announcement's progress twice a second until nothing is pending (or the deadline passes).</summary>
    private static async Task<BroadcastProgress> WaitAsync(BroadcastStore store, long id, int residents, TimeSpan deadline, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var lastShown = TimeSpan.Zero;
        while (true)
        {
            var progress = await store.ProgressAsync(id, ct) ?? throw new InvalidOperationException("the announcement vanished");
            if ((progress.Targeted == residents && progress.Pending == 0) || clock.Elapsed > deadline)
            {
                return progress;
            }

            if (clock.Elapsed - lastShown >= TimeSpan.FromSeconds(30))
            {
                lastShown = clock.Elapsed;
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds:F0} s: {progress.Sent} sent, {progress.Pending} pending");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
    }
}
