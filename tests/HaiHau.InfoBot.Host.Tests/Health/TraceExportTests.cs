using System.Diagnostics;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Host.Tests.Telegram;
using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.TestKit.Telegram;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace HaiHau.InfoBot.Host.Tests.Health;

/// <summary>
/// Traces over OTLP (InfoBot:Telemetry:Traces): turns and sends reach an operator's collector with their channel and
/// outcome, web requests with their route template, and never a conversation id, a chat id, a resident's words or the
/// Telegram token. Off by default.
/// </summary>
/// <remarks>
/// Runs alone, after the parallel classes (<see cref="MetricsAlone"/>). On a fresh clone (3 December) the web chat
/// test's collector received no export at all while the other classes ran, and it passed three runs of its own. The
/// tracer provider's listeners see the activities of every host in the process; why no batch reached the collector is
/// not pinned down (the metrics class's cause, one stream shared by identical instruments, does not apply to spans).
/// </remarks>
[Collection(MetricsAlone.Name)]
public sealed class TraceExportTests : HostTestBase
{
    private const long Lan = 123456789;
    private const string HistoryRoute = "/api/webchat/conversations/{conversationId}/messages";

    [Fact]
    public async Task With_traces_on_a_web_chat_turn_reaches_the_collector_without_its_ids_or_words()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        await using var app = NewApp(settings: Traces(collector));
        var chat = new WebChatClient(app.CreateClient());

        var start = await chat.StartAsync();
        await chat.SendAsync(start.ConversationId, text: "bảo hiểm y tế cho hộ nghèo");
        using (var history = HostSpanEnd.Of(HistoryRoute))
        {
            await chat.HistoryAsync(start.ConversationId);
            await history.Ended.WaitAsync(TimeSpan.FromMinutes(1)); // a guard against a hang, not a wait for time
        }

        Assert.True(app.Services.GetRequiredService<TracerProvider>().ForceFlush(20_000));

        var exported = collector.Text;
        Assert.Contains("haihau-infobot", exported, StringComparison.Ordinal); // the service name
        Assert.Contains("turn", exported, StringComparison.Ordinal);
        Assert.Contains("infobot.channel", exported, StringComparison.Ordinal);
        Assert.Contains("answered", exported, StringComparison.Ordinal);
        Assert.Contains(HistoryRoute, exported, StringComparison.Ordinal);
        Assert.DoesNotContain(start.ConversationId, exported, StringComparison.Ordinal);
        Assert.DoesNotContain("bảo hiểm", exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_traces_on_telegram_sends_reach_the_collector_by_outcome_without_the_token_or_the_chat()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook, extra: Traces(collector));

        var sent = await rig.SayAsync(new FakeTelegramUser(Lan).Text("/start"));
        Assert.True(rig.Service<TracerProvider>().ForceFlush(20_000));

        Assert.NotEmpty(sent);
        var exported = collector.Text;
        Assert.Contains("send", exported, StringComparison.Ordinal);
        Assert.Contains("telegram", exported, StringComparison.Ordinal);
        Assert.Contains("infobot.kind", exported, StringComparison.Ordinal);
        Assert.Contains("sent", exported, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeTelegramApi.Token, exported, StringComparison.Ordinal);
        Assert.DoesNotContain(TelegramRig.Secret, exported, StringComparison.Ordinal);
        Assert.DoesNotContain(Lan.ToString(System.Globalization.CultureInfo.InvariantCulture), exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_traces_off_nothing_is_set_up_to_export()
    {
        await using var app = NewApp();
        var chat = new WebChatClient(app.CreateClient());

        await chat.StartAsync();

        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    private static Dictionary<string, string?> Traces(FakeOtlpCollector collector) => new()
    {
        ["InfoBot:Telemetry:Traces"] = "true",
        ["InfoBot:Telemetry:OtlpEndpoint"] = collector.BaseUrl.ToString(),
    };

    /// <summary>
    /// Waits for the server's span of a request to end. The test server hands the client its response before the host
    /// ends that request's span, so a flush right after the response can go without it: on a fresh clone at load 20–50
    /// (4 December, 18:14 UTC) the export had the service and the turn but not the history request's route.
    /// </summary>
    private sealed class HostSpanEnd : IDisposable
    {
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ActivityListener _listener;

        private HostSpanEnd(string route)
        {
            // Registered after the host's tracer, so called after it has taken the span for export.
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
                ActivityStopped = activity =>
                {
                    if (activity.GetTagItem("http.route") as string == route || activity.DisplayName.EndsWith(route, StringComparison.Ordinal))
                    {
                        _ended.TrySetResult();
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public Task Ended => _ended.Task;

        public static HostSpanEnd Of(string route) => new(route);

        public void Dispose() => _listener.Dispose();
    }
}
