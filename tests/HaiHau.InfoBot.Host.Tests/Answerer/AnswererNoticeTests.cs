using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Core.Dialogs.Nodes;
using HaiHau.InfoBot.Host.Tests.Telegram;
using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.Host.Tests.Zalo;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.OpenAi;
using HaiHau.InfoBot.TestKit.Telegram;

namespace HaiHau.InfoBot.Host.Tests.Answerer;

/// <summary>
/// What residents are told before a typed question may go to a language model: on a channel the answerer composes
/// for (Telegram, Zalo), the greeting says so, and who runs the model when InfoBot:Answerer:OperatorName names it; with the endpoint
/// empty, or on the web chat (never composed), the greeting is what it always was.
/// </summary>
public sealed class AnswererNoticeTests : HostTestBase
{
    private const long Lan = 123456789;

    private const string Operator = "Trung tâm Chuyển đổi số tỉnh Ninh Bình";

    private const string Named = "bao-may-soan-co-ten";

    private const string Unnamed = "bao-may-soan-khong-ten";

    private static string Said(string node) => ((SayNode)EngineHarness.Repo.Dialogs.Find("menu")!.Find(node)!).Text;

    private static Dictionary<string, string?> Settings(FakeOpenAiServer? model, string? operatorName) => new()
    {
        ["InfoBot:Answerer:Endpoint"] = model?.Endpoint ?? string.Empty,
        ["InfoBot:Answerer:Model"] = "fake-model",
        ["InfoBot:Answerer:OperatorName"] = operatorName,
    };

    private static async Task<List<string>> GreetingOnTelegramAsync(TelegramRig rig) =>
        (await rig.SayAsync(new FakeTelegramUser(Lan).Text("/start"))).Select(m => m.Text!).ToList();

    [Fact]
    public async Task With_the_model_on_a_resident_on_Telegram_is_told_a_question_may_go_to_it_and_who_runs_it()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook, extra: Settings(model, Operator));

        var greeting = await GreetingOnTelegramAsync(rig);

        Assert.Equal(3, greeting.Count); // hello, the notice, the menu
        Assert.Equal(Said("chao"), greeting[0]);
        Assert.Equal(Said(Named).Replace("{var:ben_chay_mo_hinh}", Operator, StringComparison.Ordinal), greeting[1]);
        Assert.Contains(Operator, greeting[1], StringComparison.Ordinal);
        Assert.Contains("không gửi kèm tên, số điện thoại hay mã hộ", greeting[1], StringComparison.Ordinal);
        Assert.Empty(model.Requests); // telling sends nothing

        // The web chat in the same host is never composed for, so its greeting does not say it.
        var web = await new WebChatClient(rig.App.CreateClient()).StartAsync();
        Assert.Equal(Said("chao"), web.Replies[0].Text);
        Assert.DoesNotContain(web.Replies, r => r.Text.Contains("mô hình ngôn ngữ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_model_on_a_resident_following_the_Zalo_OA_is_told_too()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        await using var bed = await ZaloBed.StartAsync(Folder, settings: Settings(model, Operator));

        await bed.ConverseAsync(bed.Payload("follow.json"), replies: 3);

        var sent = bed.Zalo.Sent;
        Assert.Equal(3, sent.Count); // hello, the notice, the menu
        Assert.Equal(Said(Named).Replace("{var:ben_chay_mo_hinh}", Operator, StringComparison.Ordinal), sent[1].Text);
    }

    [Fact]
    public async Task With_the_model_on_and_no_operator_named_the_notice_names_no_one()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook, extra: Settings(model, "  "));

        var greeting = await GreetingOnTelegramAsync(rig);

        Assert.Equal(3, greeting.Count);
        Assert.Equal(Said(Unnamed), greeting[1]);
        Assert.DoesNotContain("{var:", greeting[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_endpoint_the_greeting_is_unchanged_even_with_an_operator_named()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook, extra: Settings(null, Operator));

        var greeting = await GreetingOnTelegramAsync(rig);

        Assert.Equal(2, greeting.Count); // hello, the menu
        Assert.Equal(Said("chao"), greeting[0]);
        Assert.DoesNotContain(greeting, t => t.Contains("mô hình ngôn ngữ", StringComparison.Ordinal) || t.Contains(Operator, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_first_message_that_is_a_question_is_answered_from_content_then_told_and_only_later_questions_reach_the_model()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        model.WhenEmpty = new FakeModelReply.Text("Dạ, cháu soạn lại cho bác từ nội dung hỏi đáp của chương trình.");
        var settings = Settings(model, Operator);
        settings["InfoBot:Answerer:RetryDelay"] = "00:00:00";
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook, extra: settings);
        var lan = new FakeTelegramUser(Lan);
        const string Question = "thẻ bảo hiểm y tế hết hạn thì làm sao";

        var first = await rig.DeliverAsync(lan.Text(Question));
        await rig.SettledAsync(first.InboxId);

        var firstReplies = (await rig.OutboxAsync(Lan)).Where(o => o.InboxId == first.InboxId).OrderBy(o => o.Sequence).ToList();
        Assert.Equal(2, firstReplies.Count); // the content's answer, then the telling in the greeting's words
        Assert.StartsWith("Thẻ", firstReplies[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Said(Named).Replace("{var:ben_chay_mo_hinh}", Operator, StringComparison.Ordinal), firstReplies[1].Text);
        Assert.Empty(model.Requests); // typed before any telling: it did not go to the model

        var second = await rig.DeliverAsync(lan.Text(Question));
        await rig.SettledAsync(second.InboxId);

        Assert.Single(model.Requests); // told in an earlier turn: the next typed question may be composed
        Assert.Contains(Question, model.Requests[0].ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }
}
