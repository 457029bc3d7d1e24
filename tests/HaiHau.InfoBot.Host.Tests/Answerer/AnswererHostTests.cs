using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Host.Answerer;
using HaiHau.InfoBot.Host.Tests.Telegram;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.TestKit.OpenAi;
using HaiHau.InfoBot.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HaiHau.InfoBot.Host.Tests.Answerer;

/// <summary>
/// The answerer in the real host, a resident on Telegram (fake Bot API) and the model behind the fake
/// OpenAI-compatible endpoint: off, nothing changes; on, the composed answer is the turn's reply, a rejected or late
/// one leaves the retrieval answer, and a slow model holds no one else's reply.
/// </summary>
public sealed class AnswererHostTests : HostTestBase
{
    private const long Lan = 123456789;
    private const long Minh = 987654321;

    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(20);

    /// <summary>One Telegram app for Lan per test, so her updates keep counting up (a repeated update id is a duplicate).</summary>
    private readonly FakeTelegramUser _lan = new(Lan);

    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(7)));

    private static Dictionary<string, string?> On(FakeOpenAiServer model) => new()
    {
        ["InfoBot:Answerer:Endpoint"] = model.Endpoint,
        ["InfoBot:Answerer:Model"] = "fake-model",
        ["InfoBot:Answerer:Timeout"] = Hold.ToString(),
        ["InfoBot:Answerer:RetryDelay"] = "00:00:00",
    };

    [Fact]
    public async Task With_no_endpoint_nothing_is_registered_and_the_resident_gets_the_retrieval_answer()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook, Clock());

        var answer = await rig.SayAsync(_lan.Text(ComposerRig.Question));

        Assert.Null(rig.App.Services.GetService<AnswerComposer>());
        Assert.Null(rig.App.Services.GetService<ComposeWorker>());
        Assert.DoesNotContain(rig.App.Services.GetServices<ITurnOutputWriter>(), w => w is ComposeRequestWriter);
        Assert.StartsWith(ComposerRig.Question, Assert.Single(answer).Text, StringComparison.Ordinal);
        Assert.Empty(model.Requests);
        Assert.Equal("off", await AnswererHealthAsync(rig));
    }

    [Fact]
    public async Task With_the_model_on_the_resident_gets_the_composed_answer_with_its_sources_and_it_counts_as_reach()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        model.Script(new FakeModelReply.Text(AnswerComposerTests.Grounded));
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook, Clock(), On(model));
        await GreetedAsync(rig);

        var answer = await rig.SayAsync(_lan.Text(ComposerRig.Question));

        var text = Assert.Single(answer).Text!;
        Assert.StartsWith(AnswerComposerTests.Grounded, text, StringComparison.Ordinal);
        Assert.Contains("Nguồn: hỏi đáp «", text, StringComparison.Ordinal);
        Assert.NotEmpty(answer[0].ButtonData); // the retrieval answer's ways on stay
        await using var db = await rig.Db();
        var kinds = await db.TurnEvents.Select(e => new { e.Kind, e.Subject }).ToListAsync();
        Assert.Contains(kinds, e => e.Kind == EventKinds.AnswerComposed.Name && e.Subject == $"faq:{ComposerRig.EntryId}");
        Assert.Contains(await db.ReachLog.Select(r => r.Kind).ToListAsync(), k => k == HaiHau.InfoBot.Storage.Reach.ReachKinds.Answer);
        Assert.Equal(AnswererState.Ok, await AnswererHealthAsync(rig));
    }

    [Theory]
    [InlineData("Hộ cận nghèo được hỗ trợ thêm 4.321.000 đồng mỗi lần đi khám.", "number:4.321.000")]
    [InlineData("Theo Nghị định 146/2018/NĐ-CP, hộ cận nghèo được trả 100%.", "repealed:Nghị định 146/2018/NĐ-CP")]
    public async Task A_rejected_answer_leaves_the_retrieval_answer_and_is_logged_for_staff(string reply, string problem)
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        model.Script(new FakeModelReply.Text(reply));
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook, Clock(), On(model));
        await GreetedAsync(rig);

        var answer = await rig.SayAsync(_lan.Text(ComposerRig.Question));

        Assert.StartsWith(ComposerRig.Question, Assert.Single(answer).Text, StringComparison.Ordinal);
        await using var db = await rig.Db();
        var rejected = await db.TurnEvents.Where(e => e.Kind == EventKinds.AnswerRejected.Name).Select(e => e.Subject).SingleAsync();
        Assert.Contains(problem, rejected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_that_does_not_answer_holds_only_its_own_reply_until_the_timeout()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        model.Script(new FakeModelReply.Hang());
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook, Clock(), On(model));
        var settled = new TaskCompletionSource<Composition>(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Service<ComposeWorker>().Settled += (_, result) => settled.TrySetResult(result);
        var greeted = await GreetedAsync(rig);

        var lan = await rig.DeliverAsync(_lan.Text(ComposerRig.Question));
        var minh = await rig.SayAsync(new FakeTelegramUser(Minh).Text("Chào cháu")); // another resident, while the model thinks

        Assert.NotEmpty(minh);
        Assert.Equal(greeted, rig.DeliveredTo(Lan).Count);
        rig.Time.Advance(Hold);
        Assert.Equal("timeout", (await settled.Task.WaitAsync(TelegramRig.Patience)).Error);
        await rig.SettledAsync(lan.InboxId);
        Assert.StartsWith(ComposerRig.Question, Assert.Single(rig.DeliveredTo(Lan).Skip(greeted)).Text, StringComparison.Ordinal);
    }

    /// <summary>Lan opens the chat: the greeting tells her typed questions may go to the model (AnswererNoticeTests), so hers may.</summary>
    private async Task<int> GreetedAsync(TelegramRig rig) => (await rig.SayAsync(_lan.Text("/start"))).Count;

    private static async Task<string> AnswererHealthAsync(TelegramRig rig)
    {
        using var client = rig.App.CreateClient();
        var health = await client.GetFromJsonAsync<JsonObject>("/health");
        return health!["answerer"]!.GetValue<string>();
    }
}
