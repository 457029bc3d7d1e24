using System.Text.Json.Nodes;

namespace HaiHau.InfoBot.TestKit.Telegram;

/// <summary>
/// A resident on Telegram: builds the updates their app would cause, shaped as shared/channels.md §A.6 shows
/// (update_id is set by whoever delivers them: the fake's queue or the webhook poster).
/// </summary>
public sealed class FakeTelegramUser(long id, string firstName = "Lan")
{
    private int _messageId = 100;

    public long Id { get; } = id;

    /// <summary>The date Telegram would stamp, fixed so payloads are stable.</summary>
    public long Date { get; set; } = 1718000000;

    public JsonObject Text(string text)
    {
        var message = Message();
        message["text"] = text;
        if (text.StartsWith('/'))
        {
            var command = text.Split(' ')[0];
            message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = command.Length, ["type"] = "bot_command" });
        }

        return new JsonObject { ["message"] = message };
    }

    /// <summary>A press on a button of the bot's message <paramref name="messageId"/> (its callback_data).</summary>
    public JsonObject Press(string data, int messageId) => new()
    {
        ["callback_query"] = new JsonObject
        {
            ["id"] = $"{Id}-{Guid.NewGuid():N}"[..24],
            ["from"] = From(),
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId,
                ["from"] = new JsonObject { ["id"] = FakeTelegramApi.BotId, ["is_bot"] = true, ["first_name"] = "HaiHau InfoBot", ["username"] = FakeTelegramApi.BotUsername },
                ["chat"] = Chat(),
                ["date"] = Date,
                ["text"] = "…",
            },
            ["chat_instance"] = "-3788475317572404878",
            ["data"] = data,
        },
    };

    public JsonObject Sticker()
    {
        var message = Message();
        message["sticker"] = new JsonObject
        {
            ["file_id"] = "CAACAgIAAxkBAAEBsticker",
            ["file_unique_id"] = "AgADsticker",
            ["type"] = "regular",
            ["width"] = 512,
            ["height"] = 512,
            ["is_animated"] = false,
            ["is_video"] = false,
            ["emoji"] = "👍",
        };
        return new JsonObject { ["message"] = message };
    }

    /// <summary>
    /// A shared phone card (channels.md §A.6 Message.contact). The request_contact button sends the resident's own,
    /// with user_id = their id; a card forwarded from the address book carries someone else's id, or none.
    /// </summary>
    public JsonObject Contact(string phoneNumber, long? ownerId)
    {
        var message = Message();
        var contact = new JsonObject { ["phone_number"] = phoneNumber, ["first_name"] = firstName };
        if (ownerId is { } owner)
        {
            contact["user_id"] = owner;
        }

        message["contact"] = contact;
        return new JsonObject { ["message"] = message };
    }

    /// <summary>The resident's own card, as the share-phone button sends it.</summary>
    public JsonObject SharesOwnPhone(string phoneNumber) => Contact(phoneNumber, Id);

    /// <summary>The resident blocked the bot (my_chat_member, new status "kicked").</summary>
    public JsonObject BlocksTheBot() => new()
    {
        ["my_chat_member"] = new JsonObject
        {
            ["chat"] = Chat(),
            ["from"] = From(),
            ["date"] = Date,
            ["old_chat_member"] = new JsonObject { ["user"] = BotUser(), ["status"] = "member" },
            ["new_chat_member"] = new JsonObject { ["user"] = BotUser(), ["status"] = "kicked", ["until_date"] = 0 },
        },
    };

    private static JsonObject BotUser() =>
        new() { ["id"] = FakeTelegramApi.BotId, ["is_bot"] = true, ["first_name"] = "HaiHau InfoBot", ["username"] = FakeTelegramApi.BotUsername };

    private JsonObject Message() => new()
    {
        ["message_id"] = ++_messageId,
        ["from"] = From(),
        ["chat"] = Chat(),
        ["date"] = Date,
    };

    private JsonObject From() => new() { ["id"] = Id, ["is_bot"] = false, ["first_name"] = firstName, ["language_code"] = "vi" };

    private JsonObject Chat() => new() { ["id"] = Id, ["first_name"] = firstName, ["type"] = "private" };
}
