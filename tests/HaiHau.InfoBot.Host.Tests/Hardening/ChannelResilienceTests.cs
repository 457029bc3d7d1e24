using System.Net;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Host.Resilience;
using HaiHau.InfoBot.Host.Tests.Health;
using HaiHau.InfoBot.Host.Tests.Telegram;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace HaiHau.InfoBot.Host.Tests.Hardening;

/// <summary>
/// The resilience pipeline on the real Telegram.Bot client, against the fake Bot API on loopback and a watched fake
/// clock: repeatable calls retried within bounds, sends never repeated, long waits handed back, and the circuit.
/// </summary>
public sealed class ChannelResilienceTests : HostTestBase
{
    private const long Chat = 5550001;

    [Fact]
    public async Task A_repeatable_call_meeting_5xx_is_retried_on_the_clock_and_succeeds()
    {
        var clock = new WatchedClock(InfoBotApp.NewClock().GetUtcNow());
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook, clock);
        rig.Fake.FailNext("answerCallbackQuery", new FakeTelegramFailure.ApiError(502, "Bad Gateway"), times: 2);
        var first = clock.WaitStartedAsync(ChannelResilience.FirstRetryDelay);
        var second = clock.WaitStartedAsync(ChannelResilience.FirstRetryDelay * 2);

        var answering = rig.Service<ITelegramBotClient>().AnswerCallbackQuery("press-1");
        await first.WaitAsync(TelegramRig.Patience);
        clock.Advance(ChannelResilience.FirstRetryDelay);
        await second.WaitAsync(TelegramRig.Patience);
        clock.Advance(ChannelResilience.FirstRetryDelay * 2);
        await answering.WaitAsync(TelegramRig.Patience);

        var calls = rig.Fake.Requests.Where(r => r.Method == "answerCallbackQuery").Select(r => r.Status).ToList();
        Assert.Equal([502, 502, 200], calls);
    }

    [Fact]
    public async Task A_repeatable_call_gives_up_after_the_bounded_retries()
    {
        var clock = new WatchedClock(InfoBotApp.NewClock().GetUtcNow());
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook, clock);
        rig.Fake.FailNext("answerCallbackQuery", new FakeTelegramFailure.ApiError(500, "Internal Server Error"), times: 10);
        var first = clock.WaitStartedAsync(ChannelResilience.FirstRetryDelay);
        var second = clock.WaitStartedAsync(ChannelResilience.FirstRetryDelay * 2);

        var answering = rig.Service<ITelegramBotClient>().AnswerCallbackQuery("press-2");
        await first.WaitAsync(TelegramRig.Patience);
        clock.Advance(ChannelResilience.FirstRetryDelay);
        await second.WaitAsync(TelegramRig.Patience);
        clock.Advance(ChannelResilience.FirstRetryDelay * 2);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => answering.WaitAsync(TelegramRig.Patience));

        Assert.Equal(500, error.ErrorCode);
        Assert.Equal(ChannelResilience.MaxRetries + 1, rig.Fake.Requests.Count(r => r.Method == "answerCallbackQuery"));
    }

    [Fact]
    public async Task A_short_retry_after_is_waited_out_in_place_and_a_long_one_is_handed_back()
    {
        var clock = new WatchedClock(InfoBotApp.NewClock().GetUtcNow());
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook, clock);
        var bot = rig.Service<ITelegramBotClient>();
        rig.Fake.FailNext("answerCallbackQuery", FakeTelegramFailure.TooManyRequests(3));
        var waited = clock.WaitStartedAsync(TimeSpan.FromSeconds(3));

        var shortWait = bot.AnswerCallbackQuery("press-3");
        await waited.WaitAsync(TelegramRig.Patience);
        clock.Advance(TimeSpan.FromSeconds(3));
        await shortWait.WaitAsync(TelegramRig.Patience);
        rig.Fake.FailNext("answerCallbackQuery", FakeTelegramFailure.TooManyRequests(30));
        var longWait = await Assert.ThrowsAsync<ApiRequestException>(() => bot.AnswerCallbackQuery("press-4"));

        Assert.Equal(30, longWait.Parameters?.RetryAfter);
        Assert.Equal([429, 200, 429], rig.Fake.Requests.Where(r => r.Method == "answerCallbackQuery").Select(r => r.Status));
    }

    [Fact]
    public async Task A_send_meeting_5xx_or_a_cut_connection_is_not_repeated_by_the_client()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);
        var bot = rig.Service<ITelegramBotClient>();
        rig.Fake.FailNext("sendMessage", new FakeTelegramFailure.ApiError(500, "Internal Server Error"));
        rig.Fake.FailNext("sendMessage", FakeTelegramFailure.DropConnection);

        var serverError = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Chat, "Chào bạn"));
        await Assert.ThrowsAnyAsync<RequestException>(() => bot.SendMessage(Chat, "Chào bạn"));

        Assert.Equal(500, serverError.ErrorCode);
        Assert.Equal([500, 0], rig.Fake.Requests.Where(r => r.Method == "sendMessage").Select(r => r.Status));
    }

    [Fact]
    public async Task Repeated_outages_open_the_circuit_readiness_names_it_and_it_closes_after_the_break()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);
        var bot = rig.Service<ITelegramBotClient>();
        var client = rig.App.CreateClient();
        rig.Fake.FailNext("sendMessage", new FakeTelegramFailure.ApiError(502, "Bad Gateway"), times: 20);

        ApiRequestException? refused = null;
        var tries = 0;
        while (refused is null && tries++ < 10)
        {
            var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Chat, "Chào bạn"));
            refused = error.ErrorCode == 503 ? error : null;
        }

        var reached = rig.Fake.Requests.Count(r => r.Method == "sendMessage");
        var (openStatus, open) = await ReadinessTests.GetAsync(client, "/health/ready");
        rig.Fake.ClearFailures();
        rig.Time.Advance(ChannelResilience.CircuitBreak);
        await bot.SendMessage(Chat, "Chào bạn");
        var (closedStatus, closed) = await ReadinessTests.GetAsync(client, "/health/ready");

        Assert.NotNull(refused);
        Assert.Contains("circuit open", refused.Message, StringComparison.Ordinal);
        Assert.Equal(tries - 1, reached); // the refused call never reached Telegram
        Assert.Equal(HttpStatusCode.ServiceUnavailable, openStatus);
        var telegram = open.GetProperty("checks").GetProperty("telegram");
        Assert.Equal("unhealthy", telegram.GetProperty("status").GetString());
        Assert.Equal("open", telegram.GetProperty("data").GetProperty("circuit").GetString());
        Assert.Equal(HttpStatusCode.OK, closedStatus);
        Assert.Equal("closed", closed.GetProperty("checks").GetProperty("telegram").GetProperty("data").GetProperty("circuit").GetString());
    }
}
