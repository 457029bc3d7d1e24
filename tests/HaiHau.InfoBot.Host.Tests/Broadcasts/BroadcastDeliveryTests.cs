using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Host.Broadcasts;
using HaiHau.InfoBot.Host.Channels;
using HaiHau.InfoBot.Host.Tests.Channels;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using HaiHau.InfoBot.TestKit.Postgres;

namespace HaiHau.InfoBot.Host.Tests.Broadcasts;

/// <summary>
/// An announcement goes out at its time to its segment, once per resident, within the channel's rate, and a host
/// stopped half-way finishes the job after it starts again with no one skipped and no one served twice.
/// (The officers' pages and the registration store arrive with the console issue; here the audience is given.)
/// </summary>
[Scheduling.LongRunning(18)]
public sealed class BroadcastDeliveryTests : HostTestBase
{
    private static readonly DateTimeOffset Morning = new(2022, 9, 15, 8, 0, 0, TimeSpan.FromHours(7));

    private sealed class GivenAudience(List<AudienceMember> members) : IBroadcastAudience
    {
        public Task<IReadOnlyList<AudienceMember>> CandidatesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<AudienceMember>>(members);
    }

    private readonly List<AudienceMember> _audience = [];

    private ScriptedChannelApp NewApp(FakeTimeProvider time) => NewApp(DatabaseProvider.Sqlite, time);

    private ScriptedChannelApp NewApp(DatabaseProvider provider, FakeTimeProvider time) => new(Database(provider).ConnectionString, time, Database(provider).Settings, services: s =>
    {
        s.AddSingleton<IBroadcastAudience>(new GivenAudience(_audience));
        s.AddSingleton<BroadcastScheduler>();
        s.AddHostedService(sp => sp.GetRequiredService<BroadcastScheduler>());
    });

    /// <summary>Residents who wrote before (so they have conversations), half in Hải Châu, half in Hải Ninh, near-poor or poor.</summary>
    private async Task SeedResidentsAsync(ScriptedChannelApp app, int count)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        var rows = Enumerable.Range(0, count).Select(i => new ConversationRecord { Channel = ScriptedChannel.Name, ChatId = $"r{i}", UserId = $"r{i}", CreatedAt = Morning, UpdatedAt = Morning }).ToList();
        db.Conversations.AddRange(rows);
        await db.SaveChangesAsync();
        _audience.AddRange(rows.Select((r, i) => new AudienceMember(
            r.Id, new ConversationRef(ScriptedChannel.Name, r.UserId, r.ChatId), i % 2 == 0 ? "hai-chau" : "hai-ninh", i % 3 == 0 ? "ngheo" : "can-ngheo", [], $"p{i}", null)));
    }

    private static Task<long> ScheduleAsync(ScriptedChannelApp app, Segment segment, DateTimeOffset at) =>
        app.Services.GetRequiredService<BroadcastStore>().CreateAsync(new BroadcastDraft("Thông báo họp thôn", null, segment, at, "officer@test"), CancellationToken.None);

    /// <summary>
    /// Runs <paramref name="act"/> and waits until the announcement is fanned out. The scheduler may already have done
    /// it (its first round runs as the host starts), so the state is read as well as the event awaited.
    /// </summary>
    private static async Task FanOutAsync(ScriptedChannelApp app, Func<Task> act)
    {
        var scheduler = app.Services.GetRequiredService<BroadcastScheduler>();
        var store = app.Services.GetRequiredService<BroadcastStore>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnFannedOut(long id, int targeted) => done.TrySetResult();
        scheduler.FannedOut += OnFannedOut;
        try
        {
            await act();
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
            if (!await db.Broadcasts.AnyAsync(b => b.State == BroadcastState.Scheduled))
            {
                return;
            }

            await done.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        finally
        {
            scheduler.FannedOut -= OnFannedOut;
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task At_its_time_it_reaches_the_segment_and_no_one_else_and_the_progress_adds_up(DatabaseProvider provider)
    {
        await using var app = NewApp(provider, new FakeTimeProvider(Morning));
        await SeedResidentsAsync(app, 12);
        var id = await ScheduleAsync(app, new Segment(["hai-chau"], ["can-ngheo"], [], []), Morning.AddHours(1));
        Assert.Empty(app.Channel.Sent);

        // Hải Châu is every even resident; near-poor every one not divisible by three: r2, r4, r8, r10.
        await FanOutAsync(app, () => AdvanceSchedulerAsync(app, TimeSpan.FromHours(1)));
        await app.RunClockUntilAsync(() => app.Channel.Sent.Count >= 4);

        Assert.Equal(["r10", "r2", "r4", "r8"], app.Channel.Sent.Select(s => s.ChatId).Order(StringComparer.Ordinal));
        Assert.All(app.Channel.Sent, s => Assert.Equal("Thông báo họp thôn", s.Text));
        var progress = await app.Services.GetRequiredService<BroadcastStore>().ProgressAsync(id, CancellationToken.None);
        Assert.Equal((4, 4, 0), (progress!.Targeted, progress.Sent, progress.Pending));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_host_stopped_mid_broadcast_finishes_after_restart_with_everyone_served_exactly_once(DatabaseProvider provider)
    {
        var time = new FakeTimeProvider(Morning);
        var sent = new List<string>();
        long id;
        ScriptedChannel firstPlatform;
        await using (var first = NewApp(provider, time))
        {
            firstPlatform = first.Channel;
            await SeedResidentsAsync(first, 60);
            id = await ScheduleAsync(first, Segment.Everyone, Morning);
            // 25 a second, one every 40 ms: a second's worth goes out, then the host stops with 35 still queued.
            await FanOutAsync(first, () => WakeSchedulerAsync(first));
            await first.RunClockUntilAsync(() => first.Channel.Sent.Count >= 25);
        }

        // Read after the stop: a send already on its way when the host was told to stop still finishes (and is recorded).
        sent.AddRange(firstPlatform.Sent.Select(s => s.ChatId));

        await using var second = NewApp(provider, time);
        await second.RunClockUntilAsync(() => sent.Count + second.Channel.Sent.Count >= 60);
        sent.AddRange(second.Channel.Sent.Select(s => s.ChatId));

        Assert.Equal(60, sent.Count);
        Assert.Equal(60, sent.Distinct().Count());
        var progress = await second.Services.GetRequiredService<BroadcastStore>().ProgressAsync(id, CancellationToken.None);
        Assert.Equal((60, 60, 0), (progress!.Targeted, progress.Sent, progress.Pending));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_cancelled_announcement_stops_and_its_unsent_deliveries_are_counted_as_cancelled(DatabaseProvider provider)
    {
        await using var app = NewApp(provider, new FakeTimeProvider(Morning));
        await SeedResidentsAsync(app, 40);
        var id = await ScheduleAsync(app, Segment.Everyone, Morning);
        await FanOutAsync(app, () => WakeSchedulerAsync(app));
        await app.RunClockUntilAsync(() => app.Channel.Sent.Count >= 25);
        var store = app.Services.GetRequiredService<BroadcastStore>();

        Assert.True(await store.MoveAsync(id, [BroadcastState.Sending, BroadcastState.Paused], BroadcastState.Cancelled, "officer@test", CancellationToken.None));
        var atCancel = app.Channel.Sent.Count;
        await app.PassTimeAsync(TimeSpan.FromMinutes(1));

        var progress = await store.ProgressAsync(id, CancellationToken.None);
        Assert.Equal(BroadcastState.Cancelled, progress!.State);
        Assert.InRange(app.Channel.Sent.Count, atCancel, atCancel + 1); // at most the one already on its way
        Assert.Equal(app.Channel.Sent.Count, progress.Sent);
        Assert.Equal(40 - progress.Sent, progress.Cancelled);
        Assert.Equal(0, progress.Pending);
    }

    // SQLite only for now: on PostgreSQL under load a whole claimed batch (not only one row) can be on its way at the pause.
    [Fact]
    public async Task A_paused_announcement_waits_and_resumes_where_it_stopped()
    {
        await using var app = NewApp(DatabaseProvider.Sqlite, new FakeTimeProvider(Morning));
        await SeedResidentsAsync(app, 40);
        var id = await ScheduleAsync(app, Segment.Everyone, Morning);
        await FanOutAsync(app, () => WakeSchedulerAsync(app));
        await app.RunClockUntilAsync(() => app.Channel.Sent.Count >= 25);
        var store = app.Services.GetRequiredService<BroadcastStore>();
        await store.MoveAsync(id, [BroadcastState.Sending], BroadcastState.Paused, "officer@test", CancellationToken.None);

        var atPause = app.Channel.Sent.Count;
        await app.PassTimeAsync(TimeSpan.FromMinutes(1));
        Assert.InRange(app.Channel.Sent.Count, atPause, atPause + 1); // at most the one already on its way
        Assert.True(app.Channel.Sent.Count < 40);

        await store.MoveAsync(id, [BroadcastState.Paused], BroadcastState.Sending, "officer@test", CancellationToken.None);
        app.Services.GetRequiredService<OutboxSignal>().Wake(ScriptedChannel.Name);
        await app.RunClockUntilAsync(() => app.Channel.Sent.Count >= 40);
        Assert.Equal(40, app.Channel.Sent.Select(s => s.ChatId).Distinct().Count());
    }

    private static Task WakeSchedulerAsync(ScriptedChannelApp app)
    {
        app.Services.GetRequiredService<OutboxSignal>().Wake(BroadcastScheduler.WakeKey);
        return Task.CompletedTask;
    }

    private static async Task AdvanceSchedulerAsync(ScriptedChannelApp app, TimeSpan by)
    {
        var scheduler = app.Services.GetRequiredService<BroadcastScheduler>();
        var target = app.Time.GetUtcNow() + by;
        var asleep = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnAsleep(DateTimeOffset until) => asleep.TrySetResult();
        scheduler.Asleep += OnAsleep;
        try
        {
            await WakeSchedulerAsync(app); // a fresh loop round, so the sleep awaited below follows this call
            await asleep.Task.WaitAsync(TimeSpan.FromSeconds(20));
            app.Time.SetUtcNow(target);
        }
        finally
        {
            scheduler.Asleep -= OnAsleep;
        }
    }
}
