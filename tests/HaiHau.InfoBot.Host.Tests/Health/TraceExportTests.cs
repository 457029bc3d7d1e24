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

    [Fact]
    public async Task With_traces_on_a_web_chat_turn_reaches_the_collector_without_its_ids_or_words()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        await using var app = NewApp(settings: Traces(collector));
        var chat = new WebChatClient(app.CreateClient());

        var start = await chat.StartAsync();
        await chat.SendAsync(start.ConversationId, text: "bảo hiểm y tế cho hộ nghèo");
        await chat.HistoryAsync(start.ConversationId);
        Assert.True(app.Services.GetRequiredService<TracerProvider>().ForceFlush(20_000));

        var exported = collector.Text;
        Assert.Contains("haihau-infobot", exported, StringComparison.Ordinal); // the service name
        Assert.Contains("turn", exported, StringComparison.Ordinal);
        Assert.Contains("infobot.channel", exported, StringComparison.Ordinal);
        Assert.Contains("answered", exported, StringComparison.Ordinal);
        Assert.Contains("/api/webchat/conversations/{conversationId}/messages", exported, StringComparison.Ordinal);
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
}
