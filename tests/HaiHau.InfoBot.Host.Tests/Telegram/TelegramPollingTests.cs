using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Host.Telegram;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.TestKit.Telegram;

namespace HaiHau.InfoBot.Host.Tests.Telegram;

/// <summary>Polling mode: the saved offset across restarts, backoff on network faults, a clean stop.</summary>
public sealed class TelegramPollingTests : HostTestBase
{
    private const long Lan = 123456789;
    private const string Menu = "Bác muốn hỏi về việc gì?";
    private const string BhytQuestion = "Hộ nhà bác đang thuộc diện nào?";

    [Fact]
    public async Task A_message_sent_while_the_bot_was_down_is_answered_after_the_restart_and_nothing_is_repeated()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Polling);
        var lan = new FakeTelegramUser(Lan);
        var start = lan.Text("/start");
        await rig.SayAsync(start);
        var startId = start["update_id"]!.GetValue<int>();

        await rig.StopAsync();
        var typed = lan.Text("2");
        rig.Fake.Enqueue(typed); // the resident writes while the bot is down
        var requestsBefore = rig.Fake.Requests.Count;
        rig.Start();
        await rig.SettledAsync(await rig.ProcessedAsync(typed));

        var firstPoll = rig.Fake.Requests.Skip(requestsBefore).First(r => r.Method == "getUpdates");
        Assert.Equal(startId + 1, firstPoll.Body["offset"]!.GetValue<int>()); // the saved offset: /start is not fetched again
        var texts = rig.DeliveredTo(Lan).Select(m => m.Text!).ToList();
        Assert.Equal(3, texts.Count);
        Assert.StartsWith("Chào bác!", texts[0], StringComparison.Ordinal);
        Assert.StartsWith(Menu, texts[1], StringComparison.Ordinal);
        Assert.StartsWith(BhytQuestion, texts[2], StringComparison.Ordinal);
        var saved = await rig.Service<ChannelStateStore>().GetAsync("telegram", TelegramPoller.OffsetKey, CancellationToken.None);
        Assert.Equal((typed["update_id"]!.GetValue<int>() + 1).ToString(CultureInfo.InvariantCulture), saved);
    }

    [Fact]
    public async Task An_update_fetched_again_after_a_crash_before_its_offset_was_saved_is_not_answered_twice()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Polling);
        var lan = new FakeTelegramUser(Lan);
        await rig.SayAsync(lan.Text("/start"));
        var typed = lan.Text("2");
        await rig.SayAsync(typed);
        var typedId = typed["update_id"]!.GetValue<int>();

        // As if the host died after storing "2" but before saving the offset past it: Telegram sends it again.
        await rig.Service<ChannelStateStore>().SetAsync("telegram", TelegramPoller.OffsetKey, typedId.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
        await rig.StopAsync();
        rig.Fake.Redeliver(typed);
        var next = lan.Text("1"); // queued after it, so once this is answered the re-sent one has been handled
        rig.Fake.Enqueue(next);
        rig.Start();
        await rig.SettledAsync(await rig.ProcessedAsync(next));

        var texts = rig.DeliveredTo(Lan).Select(m => m.Text!).ToList();
        Assert.Single(texts, t => t.StartsWith(BhytQuestion, StringComparison.Ordinal));
        Assert.StartsWith("<b>BẢO HIỂM Y TẾ CHO NGƯỜI THUỘC HỘ NGHÈO</b>", texts[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_network_fault_while_polling_backs_off_on_the_clock_then_polling_resumes()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Polling);
        var lan = new FakeTelegramUser(Lan);
        await rig.SayAsync(lan.Text("/start"));
        var poller = rig.Service<TelegramPoller>();
        var backingOff = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        poller.BackingOff += delay => backingOff.TrySetResult(delay);

        rig.Fake.FailNext("getUpdates", FakeTelegramFailure.DropConnection);
        rig.Fake.ReleaseHeldPolls(); // the poll in progress ends; the next one is cut off
        var wait = await backingOff.Task.WaitAsync(TelegramRig.Patience);
        var healthWhileDown = await HealthAsync(rig);
        var polled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        poller.Polled += count => polled.TrySetResult();
        var answered = rig.SayAsync(lan.Text("2"));
        rig.Time.Advance(wait);
        var topic = await answered;
        await polled.Task.WaitAsync(TelegramRig.Patience);

        Assert.Equal(TelegramPoller.FirstBackoff, wait);
        Assert.Equal("failing", healthWhileDown);
        Assert.StartsWith(BhytQuestion, Assert.Single(topic).Text, StringComparison.Ordinal);
        Assert.Equal("ok", await HealthAsync(rig));
        Assert.Contains(rig.Fake.Requests, r => r.Method == "getUpdates" && r.Status == 0);
    }

    [Fact]
    public async Task Poll_faults_in_a_row_wait_longer_a_429_waits_what_telegram_asked_even_past_the_cap_and_an_answered_poll_starts_again_at_one_second()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Polling);
        var lan = new FakeTelegramUser(Lan);
        await rig.SayAsync(lan.Text("/start"));
        var poller = rig.Service<TelegramPoller>();
        var waits = System.Threading.Channels.Channel.CreateUnbounded<TimeSpan>();
        poller.BackingOff += delay => waits.Writer.TryWrite(delay);
        async Task<TimeSpan> NextWait() => await waits.Reader.ReadAsync().AsTask().WaitAsync(TelegramRig.Patience);

        rig.Fake.FailNext("getUpdates", FakeTelegramFailure.DropConnection, times: 2);
        rig.Fake.FailNext("getUpdates", FakeTelegramFailure.TooManyRequests(90)); // longer than the 1-minute cap: still waited out whole
        rig.Fake.ReleaseHeldPolls();
        var first = await NextWait();
        rig.Time.Advance(first);
        var second = await NextWait();
        rig.Time.Advance(second);
        var limited = await NextWait();
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        poller.Polled += _ => answered.TrySetResult();
        rig.Time.Advance(limited);
        await rig.Fake.WaitForHeldPollAsync(); // polling again: this poll is answered, the one after it cut off
        rig.Fake.FailNext("getUpdates", FakeTelegramFailure.DropConnection);
        rig.Fake.ReleaseHeldPolls();
        await answered.Task.WaitAsync(TelegramRig.Patience);
        var afterAnswer = await NextWait();
        var reply = rig.SayAsync(lan.Text("2"));
        rig.Time.Advance(afterAnswer);

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(1)], [first, second, limited, afterAnswer]);
        Assert.StartsWith(BhytQuestion, Assert.Single(await reply).Text, StringComparison.Ordinal);
        Assert.Equal("ok", await HealthAsync(rig));
    }

    [Fact]
    public async Task Stopping_the_host_ends_a_pending_long_poll_cleanly()
    {
        // The fake holds the poll until the client goes away: with its usual 2 s hold (real time), a slow stop on a
        // loaded machine let the poll end normally first, and the poller, stopping, never sent another (a fresh-clone
        // run on 3 December timed out here).
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Polling,
            configureFake: fake => fake.MaxHold = TimeSpan.FromHours(1));
        var poller = rig.Service<TelegramPoller>();
        await rig.Fake.WaitForHeldPollAsync();

        await rig.StopAsync();

        Assert.True(poller.ExecuteTask!.IsCompletedSuccessfully);
        await rig.Fake.WaitForAsync(r => r.Method == "getUpdates" && r.Status == 0); // the fake saw the client go away
    }

    [Fact]
    public async Task Polling_removes_a_webhook_left_from_webhook_mode_and_asks_only_for_the_updates_it_uses()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Polling);
        await rig.StopAsync();
        using (var http = new HttpClient())
        {
            using var set = await http.PostAsJsonAsync($"{rig.Fake.BaseUrl}/bot{FakeTelegramApi.Token}/setWebhook", new { url = "https://bot.example/webhooks/telegram" });
            set.EnsureSuccessStatusCode();
        }

        var before = rig.Fake.Requests.Count;
        rig.Start();
        var sent = await rig.SayAsync(new FakeTelegramUser(Lan).Text("/start"));

        var calls = rig.Fake.Requests.Skip(before).ToList();
        Assert.Equal("deleteWebhook", calls[0].Method);
        Assert.Null(rig.Fake.Webhook);
        Assert.DoesNotContain(calls, c => c.Status == 409);
        var poll = calls.First(c => c.Method == "getUpdates");
        Assert.Equal(["message", "callback_query", "my_chat_member"], poll.Body["allowed_updates"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal(10, poll.Body["timeout"]!.GetValue<int>());
        Assert.Equal(2, sent.Count);
    }

    private static async Task<string?> HealthAsync(TelegramRig rig) =>
        (await rig.App.CreateClient().GetFromJsonAsync<JsonElement>("/health")).GetProperty("channels").GetProperty("telegram").GetString();
}
