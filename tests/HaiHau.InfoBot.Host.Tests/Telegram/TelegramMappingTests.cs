using System.Text.Json;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Core.Channels;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace HaiHau.InfoBot.Host.Tests.Telegram;

/// <summary>Edge cases of reading updates: the /start command's forms, presses Telegram can send, senders that are not residents.</summary>
public sealed class TelegramMappingTests
{
    private static readonly DateTimeOffset Now = new(2022, 9, 15, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("/start", true, null)]
    [InlineData("/start hai-chau", true, "hai-chau")]
    [InlineData("/start   hai-chau  ", true, "hai-chau")]
    [InlineData("/start@haihau_infobot_test hai-chau", true, "hai-chau")]
    [InlineData("/start not a payload", true, null)] // deep links carry A–Z a–z 0–9 _ - only
    [InlineData("/startx", false, null)]
    [InlineData("start", false, null)]
    [InlineData("Xin chào /start", false, null)]
    public void Start_commands_open_the_menu_and_carry_a_deep_link_payload(string text, bool isStart, string? payload)
    {
        var message = Accepted(Message(text)).Messages.Single();

        Assert.Equal(isStart, message.IsStart);
        Assert.Equal(payload, message.StartPayload);
        Assert.Equal(text, message.Text);
        Assert.Equal("123456789:42", message.ExternalId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1718000000), message.SentAt);
    }

    [Fact]
    public void A_press_on_a_message_telegram_no_longer_shows_still_reaches_the_resident_chat()
    {
        var update = Parse("""
            {"update_id":1,"callback_query":{"id":"77","from":{"id":123456789,"is_bot":false,"first_name":"Lan"},
             "message":{"message_id":9,"date":0,"chat":{"id":123456789,"type":"private"}},"chat_instance":"1","data":"bhyt"}}
            """);

        var message = Accepted(update).Messages.Single();

        Assert.Equal("bhyt", message.ButtonPayload);
        Assert.Null(message.Text);
        Assert.Equal("123456789", message.From.ChatId);
        Assert.Equal(Now, message.SentAt);
        Assert.True(TelegramMapping.TryReadPress(message.ExternalId, out var id, out var chat, out var pressed));
        Assert.Equal(("77", 123456789L, 9), (id, chat, pressed));
    }

    [Theory]
    [InlineData("""{"update_id":1,"callback_query":{"id":"8","from":{"id":5,"is_bot":false,"first_name":"A"},"chat_instance":"1","game_short_name":"g"}}""", "button press without data")]
    [InlineData("""{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":5,"type":"private"},"from":{"id":6,"is_bot":true,"first_name":"B"},"text":"hi"}}""", "message not from a person")]
    [InlineData("""{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":5,"type":"private"},"from":{"id":5,"is_bot":false,"first_name":"A"},"pinned_message":{"message_id":2,"date":0,"chat":{"id":5,"type":"private"}}}}""", "PinnedMessage service message")]
    [InlineData("""{"update_id":1,"my_chat_member":{"chat":{"id":5,"type":"private"},"from":{"id":5,"is_bot":false,"first_name":"A"},"date":1,"old_chat_member":{"user":{"id":7,"is_bot":true,"first_name":"Bot"},"status":"kicked","until_date":0},"new_chat_member":{"user":{"id":7,"is_bot":true,"first_name":"Bot"},"status":"member"}}}""", "membership change")]
    [InlineData("""{"update_id":1,"inline_query":{"id":"1","from":{"id":5,"is_bot":false,"first_name":"A"},"query":"x","offset":""}}""", "InlineQuery update not used")]
    public void Updates_that_are_not_a_resident_talking_are_ignored_with_a_reason_that_holds_no_text(string json, string reason)
    {
        var result = TelegramMapping.Read(Parse(json), Now);

        Assert.Equal(reason, Assert.IsType<WebhookResult.Ignored>(result).Reason);
    }

    [Theory]
    [InlineData("contact-own.json", "0912345678", null)]
    [InlineData("contact-forwarded.json", null, "non_text:foreign_contact")]
    [InlineData("contact-no-user-id.json", null, "non_text:foreign_contact")]
    public void Only_the_residents_own_shared_contact_becomes_a_verified_phone(string file, string? phone, string? payload)
    {
        var json = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Host.Tests", "Telegram", "testdata", file));

        var message = Assert.Single(Accepted(Parse(json)).Messages);

        Assert.Equal((phone, payload), (message.ContactPhone, message.ButtonPayload));
        Assert.Null(message.Text);
    }

    private static WebhookResult.Accepted Accepted(Update update) => Assert.IsType<WebhookResult.Accepted>(TelegramMapping.Read(update, Now));

    private static Update Message(string text) => Parse(JsonSerializer.Serialize(new
    {
        update_id = 1,
        message = new
        {
            message_id = 42,
            date = 1718000000,
            chat = new { id = 123456789, type = "private", first_name = "Lan" },
            from = new { id = 123456789, is_bot = false, first_name = "Lan" },
            text,
        },
    }));

    private static Update Parse(string json) => JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options)!;
}
