using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Telegram;

/// <summary>
/// Real-shaped updates (testdata/*.json) posted to the webhook, and what the bot sends back through the real
/// Telegram.Bot client to the fake Bot API (courier's incoming/outgoing tables). One rig for the class: each test
/// talks from a chat of its own (the payloads' chat and user id 123456789 are replaced by it), so it sees only its
/// own conversation.
/// </summary>
public sealed partial class TelegramUpdateTableTests(SharedTelegramRigs rigs) : IClassFixture<SharedTelegramRigs>
{
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
        var rig = await rigs.WebhookAsync();
        var lan = rigs.NewChatId();
        var menuId = 0;
        if (afterStart)
        {
            menuId = (await rig.SayAsync(new FakeTelegramUser(lan).Text("/start")))[^1].MessageId;
        }

        var update = Payload(file, lan, menuId);
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
            Assert.Equal(lan, sent[i].ChatId);
            Assert.Equal("html", sent[i].Body["parse_mode"]!.GetValue<string>(), ignoreCase: true);
        }
    }

    [Fact]
    public async Task The_menu_comes_as_numbered_inline_buttons_carrying_short_ids_not_labels()
    {
        var rig = await rigs.WebhookAsync();

        var sent = await rig.SayAsync(new FakeTelegramUser(rigs.NewChatId()).Text("/start"));

        var menu = sent[^1];
        Assert.Equal(["ho-ngheo", "bhyt", "vay-von", "hoc-nghe", "viec-lam", "ho-tro-khac", "dang-ky", "can-bo"], menu.ButtonData);
        Assert.Equal("2. Bảo hiểm y tế", menu.Keyboard[1][0].Label);
        Assert.All(menu.Keyboard, row => Assert.Single(row)); // long labels: one per row
        Assert.Empty(sent[0].Keyboard);
    }

    [Fact]
    public async Task A_button_press_is_answered_and_its_keyboard_removed()
    {
        var rig = await rigs.WebhookAsync();
        var lan = rigs.NewChatId();
        var menuId = (await rig.SayAsync(new FakeTelegramUser(lan).Text("/start")))[^1].MessageId;
        var press = Payload("callback-query.json", lan, menuId);
        var pressId = press["callback_query"]!["id"]!.GetValue<string>();

        await rig.SayAsync(press);

        // Waited for by this press's own query id and chat: other tests of the class press buttons on the same fake.
        var answered = await rig.Fake.WaitForAsync(r => r.Method == "answerCallbackQuery" && r.Body["callback_query_id"]?.GetValue<string>() == pressId);
        var edited = await rig.Fake.WaitForAsync(r => r.Method == "editMessageReplyMarkup" && r.ChatId == lan);
        Assert.Equal(pressId, answered[0].Body["callback_query_id"]!.GetValue<string>());
        Assert.Equal(menuId, edited[0].Body["message_id"]!.GetValue<int>());
        Assert.Null(edited[0].Body["reply_markup"]);
    }

    [Fact]
    public async Task A_deep_link_is_recorded_as_the_source_and_fills_in_the_commune()
    {
        var rig = await rigs.WebhookAsync();
        var chat = rigs.NewChatId();
        var lan = new FakeTelegramUser(chat);

        await rig.SayAsync(Payload("start-deep-link.json", chat));
        var contact = await rig.SayAsync(lan.Text("gặp cán bộ"));

        Assert.Equal("hai-chau", (await rig.ConversationAsync(chat))!.Source);
        Assert.Contains(contact, m => m.Text!.Contains("UBND xã Hải Thịnh", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deep_link_on_an_earlier_conversation_is_recorded_once_it_comes()
    {
        var rig = await rigs.WebhookAsync();
        var chat = rigs.NewChatId();
        var lan = new FakeTelegramUser(chat);

        await rig.SayAsync(lan.Text("Xin chào"));
        var sourceBefore = (await rig.ConversationAsync(chat))!.Source;
        await rig.SayAsync(lan.Text("/start hai-chau"));
        await rig.SayAsync(lan.Text("/start yen-dinh"));

        Assert.Null(sourceBefore);
        Assert.Equal("hai-chau", (await rig.ConversationAsync(chat))!.Source);
    }

    [Fact]
    public async Task The_same_update_delivered_twice_is_answered_once()
    {
        var rig = await rigs.WebhookAsync();
        var lan = rigs.NewChatId();
        await rig.SayAsync(new FakeTelegramUser(lan).Text("/start"));
        var update = Payload("typed-topic.json", lan);

        var first = await rig.SayAsync(update);
        using var again = await rig.PostAsync(Payload("typed-topic.json", lan));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await using var db = await rig.Db();
        Assert.Equal(1, await db.Inbox.CountAsync(i => i.ExternalId == TelegramRig.ExternalIdOf(update)));
        Assert.Single(first);
        Assert.Single(rig.DeliveredTo(lan), m => m.Text!.StartsWith(BhytQuestion, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    [InlineData("")]
    public async Task An_update_without_the_right_secret_token_is_refused_and_not_stored(string? secret)
    {
        var rig = await rigs.WebhookAsync();
        await using var db = await rig.Db();
        var stored = await db.Inbox.CountAsync();

        using var response = await rig.PostAsync(Payload("text.json", rigs.NewChatId()), secret);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(stored, await db.Inbox.CountAsync()); // nothing stored, from this chat or any other
    }

    [Fact]
    public async Task A_body_that_is_not_an_update_gets_400()
    {
        var rig = await rigs.WebhookAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram") { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add(TelegramAdapter.SecretHeader, TelegramRig.Secret);

        using var response = await rig.App.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Blocking_the_bot_marks_the_conversation_unreachable_without_a_reply()
    {
        var rig = await rigs.WebhookAsync();
        var lan = rigs.NewChatId();
        await rig.SayAsync(new FakeTelegramUser(lan).Text("/start"));
        var sentBefore = rig.Fake.Delivered.Count;

        using var response = await rig.PostAsync(Payload("blocked-the-bot.json", lan));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = await rig.ConversationAsync(lan);
        Assert.True(conversation!.Unreachable);
        Assert.Equal("bot was blocked by the user", conversation.UnreachableReason);
        Assert.Equal(sentBefore, rig.Fake.Delivered.Count);
    }

    /// <summary>
    /// A payload file as if <paramref name="chat"/> sent it: its chat and user id 123456789 replaced (other ids, such as
    /// a group's, kept); a button press gets a query id of this chat's and, given one, the id of the menu it was pressed on.
    /// </summary>
    private static JsonObject Payload(string file, long chat, int menuId = 0)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Host.Tests", "Telegram", "testdata", file));
        var update = JsonNode.Parse(OwnIdPattern().Replace(text, chat.ToString(CultureInfo.InvariantCulture)))!.AsObject();
        if (update["callback_query"] is JsonObject press)
        {
            press["id"] = $"{press["id"]}-{chat}";
            if (menuId != 0)
            {
                press["message"]!["message_id"] = menuId;
            }
        }

        return update;
    }

    /// <summary>The chat and user id the payload files were captured with, as a whole number.</summary>
    [GeneratedRegex("(?<![0-9])123456789(?![0-9])")]
    private static partial Regex OwnIdPattern();
}
