using System.Net.Http.Json;
using System.Text.Json;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.TestKit.Telegram;

namespace HaiHau.InfoBot.Host.Tests.Telegram;

/// <summary>What the Bot API's refusals do to the outbox: 429 waits, 403 silences, 400 fails once, a cut connection retries.</summary>
public sealed class TelegramSendErrorTests : HostTestBase
{
    private const long Lan = 123456789;
    private const string Greeting = "Chào bác!";
    private const string Menu = "Bác muốn hỏi về việc gì?";
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(7);

    [Fact]
    public async Task A_429_storm_pauses_the_channel_for_retry_after_and_every_reply_goes_out_once_in_order()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);
        long[] residents = [Lan, 223456789, 323456789];
        rig.Fake.FailNext("sendMessage", FakeTelegramFailure.TooManyRequests(7), times: 1000);

        var firstPause = rig.WaitForPause(d => d == RetryAfter);
        var stored = new List<long>();
        foreach (var id in residents)
        {
            stored.Add((await rig.DeliverAsync(new FakeTelegramUser(id).Text("/start"))).InboxId);
        }

        await firstPause;
        var limitedAt = rig.Time.GetUtcNow();
        var attempts = rig.Fake.Requests.Count(r => r.Method == "sendMessage");
        var waiting = (await AllRowsAsync(rig)).Where(o => o.Error is not null).ToList();

        rig.Time.Advance(RetryAfter - TimeSpan.FromMilliseconds(1));
        var attemptsBeforeTheWaitIsOver = rig.Fake.Requests.Count(r => r.Method == "sendMessage");
        var secondPause = rig.WaitForPause(d => d == RetryAfter);
        rig.Time.Advance(TimeSpan.FromMilliseconds(1));
        await secondPause; // still limited: the channel waits again
        var attemptsAfterSecondWave = rig.Fake.Requests.Count(r => r.Method == "sendMessage");

        rig.Fake.ClearFailures(); // the storm is over
        rig.Time.Advance(RetryAfter);
        foreach (var inboxId in stored)
        {
            await rig.SettledAsync(inboxId);
        }

        // Every outcome is on the row while it waits: the platform's reason, and not before retry_after is over.
        Assert.NotEmpty(waiting);
        Assert.All(waiting, o =>
        {
            Assert.Equal(OutboxStatus.Pending, o.Status);
            Assert.Equal("Too Many Requests: retry after 7", o.Error);
            Assert.Equal(limitedAt + RetryAfter, o.NextAttemptAt);
            Assert.Equal(0, o.Attempts); // pacing is not a fault of the row
        });
        Assert.Equal(attempts, attemptsBeforeTheWaitIsOver);
        Assert.True(attemptsAfterSecondWave > attempts);
        foreach (var id in residents)
        {
            var texts = rig.DeliveredTo(id).Select(m => m.Text!).ToList();
            Assert.Equal(2, texts.Count); // nothing sent twice
            Assert.StartsWith(Greeting, texts[0], StringComparison.Ordinal);
            Assert.StartsWith(Menu, texts[1], StringComparison.Ordinal);
        }

        Assert.All(await AllRowsAsync(rig), o =>
        {
            Assert.Equal(OutboxStatus.Sent, o.Status);
            Assert.Equal(1, o.Attempts);
            Assert.Null(o.Error);
            Assert.NotNull(o.ExternalId);
        });
        Assert.All(rig.Fake.Requests.Where(r => r.Method == "sendMessage" && !r.Succeeded), r => Assert.Equal(429, r.Status));
    }

    [Fact]
    public async Task A_resident_who_blocked_the_bot_is_marked_unreachable_and_a_later_message_reactivates_them()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);
        var lan = new FakeTelegramUser(Lan);
        await rig.SayAsync(lan.Text("/start"));
        rig.Fake.Block(Lan);

        var whileBlocked = await rig.SayAsync(lan.Text("gặp cán bộ")); // three replies: article, contacts, the question again
        var blockedTurn = (await rig.OutboxAsync(Lan)).Skip(2).ToList();
        var conversationWhileBlocked = await rig.ConversationAsync(Lan);
        rig.Fake.Unblock(Lan);
        var afterwards = await rig.SayAsync(lan.Text("menu"));

        Assert.Empty(whileBlocked);
        Assert.Equal(3, blockedTurn.Count);
        Assert.All(blockedTurn, o => Assert.Equal(OutboxStatus.Unreachable, o.Status));
        Assert.All(blockedTurn, o => Assert.Equal("Forbidden: bot was blocked by the user", o.Error));
        Assert.Equal([1, 0, 0], blockedTurn.Select(o => o.Attempts)); // one refusal, then no more tries
        Assert.Single(rig.Fake.Requests, r => r.Status == 403);
        Assert.True(conversationWhileBlocked!.Unreachable);
        Assert.StartsWith(Menu, Assert.Single(afterwards).Text, StringComparison.Ordinal);
        Assert.False((await rig.ConversationAsync(Lan))!.Unreachable);
    }

    [Fact]
    public async Task A_400_is_recorded_as_failed_with_the_reason_and_never_retried()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);
        rig.Fake.FailNext("sendMessage", FakeTelegramFailure.BadRequest("Bad Request: chat not found"));

        var sent = await rig.SayAsync(new FakeTelegramUser(Lan).Text("/start"));

        var rows = await rig.OutboxAsync(Lan);
        Assert.Equal(OutboxStatus.Failed, rows[0].Status);
        Assert.Equal("Bad Request: chat not found", rows[0].Error);
        Assert.Equal(1, rows[0].Attempts);
        Assert.Single(rig.Fake.Requests, r => r.Method == "sendMessage" && r.Text!.StartsWith(Greeting, StringComparison.Ordinal));
        Assert.StartsWith(Menu, Assert.Single(sent).Text, StringComparison.Ordinal); // the chat's next reply still goes
    }

    [Fact]
    public async Task A_cut_connection_is_retried_after_a_backoff_on_the_clock_and_delivered_once()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);
        rig.Fake.FailNext("sendMessage", FakeTelegramFailure.DropConnection);

        var backoff = rig.WaitForPause(d => d == OutboxDispatcher.Backoff(1));
        var stored = await rig.DeliverAsync(new FakeTelegramUser(Lan).Text("/start"));
        await backoff;
        var rowWhileWaiting = (await rig.OutboxAsync(Lan))[0];
        var health = await HealthAsync(rig);
        rig.Time.Advance(OutboxDispatcher.Backoff(1));
        await rig.SettledAsync(stored.InboxId);

        Assert.Equal(OutboxStatus.Pending, rowWhileWaiting.Status);
        Assert.NotNull(rowWhileWaiting.Error);
        Assert.Equal("failing", health);
        var texts = rig.DeliveredTo(Lan).Select(m => m.Text!).ToList();
        Assert.Equal(2, texts.Count);
        Assert.StartsWith(Greeting, texts[0], StringComparison.Ordinal);
        var rows = await rig.OutboxAsync(Lan);
        Assert.Equal([2, 1], rows.Select(o => o.Attempts));
        Assert.All(rows, o => Assert.Equal(OutboxStatus.Sent, o.Status));
        Assert.Equal("ok", await HealthAsync(rig));
    }

    private static async Task<List<OutboxRecord>> AllRowsAsync(TelegramRig rig)
    {
        await using var db = await rig.Db();
        return db.Outbox.Where(o => o.Channel == "telegram").OrderBy(o => o.Id).ToList();
    }

    private static async Task<string?> HealthAsync(TelegramRig rig) =>
        (await rig.App.CreateClient().GetFromJsonAsync<JsonElement>("/health")).GetProperty("channels").GetProperty("telegram").GetString();
}
