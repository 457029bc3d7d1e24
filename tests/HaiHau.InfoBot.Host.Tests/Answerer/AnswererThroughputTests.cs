using System.Diagnostics;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Host.Tests.Telegram;
using HaiHau.InfoBot.TestKit.OpenAi;
using HaiHau.InfoBot.TestKit.Telegram;
using Xunit.Abstractions;

namespace HaiHau.InfoBot.Host.Tests.Answerer;

/// <summary>
/// Issue 17's benchmark: turns per second of other residents' (non-composed) turns while the model takes 3 s per
/// answer, next to the same host with the model idle. The model's delay is real time (it is the fake server's), so
/// this runs only in the Benchmark category: `dotnet test --filter Category=Benchmark`.
/// </summary>
[Trait("Category", "Benchmark")]
[Collection(Health.MetricsAlone.Name)] // two wall-clock rates compared: no other class may take the cores between them
public sealed class AnswererThroughputTests(ITestOutputHelper output) : HostTestBase
{
    private const int OtherTurns = 60;
    private const int SlowQuestions = 8;

    [Fact]
    public async Task Other_residents_turns_keep_their_pace_while_the_model_takes_three_seconds()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        model.WhenEmpty = new FakeModelReply.Text(AnswerComposerTests.Grounded, Delay: TimeSpan.FromSeconds(3));
        var settings = new Dictionary<string, string?>
        {
            ["InfoBot:Answerer:Endpoint"] = model.Endpoint,
            ["InfoBot:Answerer:Model"] = "fake-model",
            ["InfoBot:Answerer:MaxPerMinute"] = "1000",
        };
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook,
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(7))), settings);
        await rig.DeliverAsync(new FakeTelegramUser(1).Text("Chào cháu")); // warm-up

        var idle = await TurnsPerSecondAsync(rig, firstChat: 1000);
        var slow = Enumerable.Range(0, SlowQuestions).Select(i => rig.DeliverAsync(new FakeTelegramUser(5000 + i).Text(ComposerRig.Question))).ToList();
        await Task.WhenAll(slow);
        var callsBefore = model.Requests.Count;
        var busy = await TurnsPerSecondAsync(rig, firstChat: 2000);
        var inFlight = model.Requests.Count - callsBefore;

        output.WriteLine($"non-composed turns/s: model idle {idle:0.0}, model busy (3 s per answer, {SlowQuestions} questions) {busy:0.0}; model calls started during the run {inFlight}");
        Assert.True(busy >= idle / 2, $"other residents' turns slowed from {idle:0.0}/s to {busy:0.0}/s while the model was busy");
    }

    private static async Task<double> TurnsPerSecondAsync(TelegramRig rig, int firstChat)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(firstChat, OtherTurns).Select(chat => rig.DeliverAsync(new FakeTelegramUser(chat).Text("Chào cháu"))));
        return OtherTurns / clock.Elapsed.TotalSeconds;
    }
}
