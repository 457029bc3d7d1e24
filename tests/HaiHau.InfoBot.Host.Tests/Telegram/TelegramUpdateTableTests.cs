using System.Net;
using System.Text.Json.Nodes;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Telegram;

/// <summary>
/// Real-shaped updates (testdata/*.json) posted to the webhook, and what the bot sends back through the real
/// Telegram.Bot client to the fake Bot API (courier's incoming/outgoing tables).
/// </summary>
public sealed class TelegramUpdateTableTests : HostTestBase
{
    private const long Lan = 123456789;
    private const string Greeting = "Chào bác! Cháu là trợ lý hỏi đáp";
    private const string Menu = "Bác muốn hỏi về việc gì?";
    private const string BhytQuestion = "Hộ nhà bác đang thuộc diện nào?";
    private const string TextOnly = "Dạ, cháu chỉ đọc được tin nhắn bằng chữ thôi ạ";
    private const string OwnPhoneOnly = "Dạ, cháu chỉ nhận số điện thoại của chính bác thôi ạ";

    /// <summary>(payload file, sent after a /start?, the start of each message the bot sends back; none: ignored).</summary>
    public static TheoryData<string, bool, string[]> Updates() => new()
    {
        { "text.json", false, [Greeting, Menu] },
        { "start.json", false, [Greeting, Menu] },
        { "start-deep-link.json", false, [Greeting, Menu] },
        { "typed-topic.json", true, [BhytQuestion] },
        { "callback-query.json", true, [BhytQuestion] },
        { "photo-with-caption.json", true, [BhytQuestion] },
        { "sticker.json", true, [TextOnly, Menu] },
        { "photo.json", true, [TextOnly, Menu] },
        { "contact-forwarded.json", true, [OwnPhoneOnly, Menu] },
        { "contact-no-user-id.json", true, [OwnPhoneOnly, Menu] },
        { "edited-message.json", true, [] },
        { "group-message.json", false, [] },
        { "group-member-joined.json", false, [] },
        { "channel-post.json", false, [] },
    };

    [Theory]
    [MemberData(nameof(Updates))]
    public async Task Each_update_gets_the_answer_a_resident_expects(string file, bool afterStart, string[] expected)
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);
        if (afterStart)
        {
            await rig.SayAsync(new FakeTelegramUser(Lan).Text("/start"));
        }

        var update = Payload(file);
        IReadOnlyList<FakeTelegramRequest> sent;
        if (expected.Length == 0)
        {
            var before = rig.Fake.Requests.Count;
            await using var db = await rig.Db();
            var stored = await db.Inbox.CountAsync();
            using var response = await rig.PostAsync(update);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode); // 200, so Telegram does not send it again
            Assert.Equal(stored, await db.Inbox.CountAsync()); // dropped before storing: no turn can ever answer it
            sent = rig.Fake.Requests.Skip(before).Where(r => r.Method == "sendMessage").ToList();
        }
        else
        {
            sent = await rig.SayAsync(update);
        }

        Assert.Equal(expected.Length, sent.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.StartsWith(expected[i], sent[i].Text, StringComparison.Ordinal);
            Assert.Equal(Lan, sent[i].ChatId);
            Assert.Equal("html", sent[i].Body["parse_mode"]!.GetValue<string>(), ignoreCase: true);
        }
    }

    [Fact]
    public async Task The_menu_comes_as_numbered_inline_buttons_carrying_short_ids_not_labels()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);

        var sent = await rig.SayAsync(new FakeTelegramUser(Lan).Text("/start"));

        var menu = sent[^1];
        Assert.Equal(["ho-ngheo", "bhyt", "vay-von", "hoc-nghe", "viec-lam", "ho-tro-khac", "dang-ky", "can-bo"], menu.ButtonData);
        Assert.Equal("2. Bảo hiểm y tế", menu.Keyboard[1][0].Label);
        Assert.All(menu.Keyboard, row => Assert.Single(row)); // long labels: one per row
        Assert.Empty(sent[0].Keyboard);
    }

    [Fact]
    public async Task A_button_press_is_answered_and_its_keyboard_removed()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);
        await rig.SayAsync(new FakeTelegramUser(Lan).Text("/start"));

        await rig.SayAsync(Payload("callback-query.json"));

        var answered = await rig.Fake.WaitForAsync("answerCallbackQuery");
        var edited = await rig.Fake.WaitForAsync("editMessageReplyMarkup");
        Assert.Equal("4382bfdwdsb323b2d9", answered[0].Body["callback_query_id"]!.GetValue<string>());
        Assert.Equal(5001, edited[0].Body["message_id"]!.GetValue<int>());
        Assert.Null(edited[0].Body["reply_markup"]);
    }

    [Fact]
    public async Task A_deep_link_is_recorded_as_the_source_and_fills_in_the_commune()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);
        var lan = new FakeTelegramUser(Lan);

        await rig.SayAsync(Payload("start-deep-link.json"));
        var contact = await rig.SayAsync(lan.Text("gặp cán bộ"));

        Assert.Equal("hai-chau", (await rig.ConversationAsync(Lan))!.Source);
        Assert.Contains(contact, m => m.Text!.Contains("UBND xã Hải Thịnh", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deep_link_on_an_earlier_conversation_is_recorded_once_it_comes()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);
        var lan = new FakeTelegramUser(Lan);

        await rig.SayAsync(lan.Text("Xin chào"));
        var sourceBefore = (await rig.ConversationAsync(Lan))!.Source;
        await rig.SayAsync(lan.Text("/start hai-chau"));
        await rig.SayAsync(lan.Text("/start yen-dinh"));

        Assert.Null(sourceBefore);
        Assert.Equal("hai-chau", (await rig.ConversationAsync(Lan))!.Source);
    }

    [Fact]
    public async Task The_same_update_delivered_twice_is_answered_once()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);
        await rig.SayAsync(new FakeTelegramUser(Lan).Text("/start"));
        var update = Payload("typed-topic.json");

        var first = await rig.SayAsync(update);
        using var again = await rig.PostAsync(Payload("typed-topic.json"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await using var db = await rig.Db();
        Assert.Equal(1, await db.Inbox.CountAsync(i => i.ExternalId == TelegramRig.ExternalIdOf(update)));
        Assert.Single(first);
        Assert.Single(rig.Fake.Delivered, m => m.Text!.StartsWith(BhytQuestion, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    [InlineData("")]
    public async Task An_update_without_the_right_secret_token_is_refused_and_not_stored(string? secret)
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);

        using var response = await rig.PostAsync(Payload("text.json"), secret);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = await rig.Db();
        Assert.False(await db.Inbox.AnyAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_an_update_gets_400()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram") { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add(TelegramAdapter.SecretHeader, TelegramRig.Secret);

        using var response = await rig.App.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Blocking_the_bot_marks_the_conversation_unreachable_without_a_reply()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);
        await rig.SayAsync(new FakeTelegramUser(Lan).Text("/start"));
        var sentBefore = rig.Fake.Delivered.Count;

        using var response = await rig.PostAsync(Payload("blocked-the-bot.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = await rig.ConversationAsync(Lan);
        Assert.True(conversation!.Unreachable);
        Assert.Equal("bot was blocked by the user", conversation.UnreachableReason);
        Assert.Equal(sentBefore, rig.Fake.Delivered.Count);
    }

    private static JsonObject Payload(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Host.Tests", "Telegram", "testdata", file)))!.AsObject();
}
