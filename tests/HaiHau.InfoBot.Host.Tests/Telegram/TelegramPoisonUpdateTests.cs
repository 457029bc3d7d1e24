using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Host.Telegram;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Telegram;

/// <summary>
/// Updates missing fields every real one has (issue 14): skipped and logged, never a thrown mapping. In polling mode
/// the offset passes them, so one poison update cannot stop the channel; on the webhook they get 200 (no retry loop).
/// One rig per mode for the class: each row talks from a chat of its own and counts the rows its own updates stored.
/// </summary>
public sealed class TelegramPoisonUpdateTests(SharedTelegramRigs rigs) : IClassFixture<SharedTelegramRigs>
{

    public static TheoryData<string> Poisons => new()
    {
        "message without chat",
        "message without from",
        "message with chat null",
        "button press without from",
        "button press on a message without chat",
        "block without chat",
        "block without from",
        "block without new_chat_member",
        "shared contact without phone_number",
    };

    [Theory]
    [MemberData(nameof(Poisons))]
    public async Task Polling_skips_a_poison_update_and_answers_the_next_message(string poison)
    {
        var rig = await rigs.PollingAsync();
        var lan = new FakeTelegramUser(rigs.NewChatId());
        var storedBefore = await InboxCountAsync(rig); // earlier rows' turns have all run: they waited for them
        var bad = Poison(lan, poison);
        var badId = rig.Fake.Enqueue(bad);
        var next = lan.Text("/start");

        var replies = await rig.SayAsync(next); // queued after the poison one: it is only fetched once polling went past it

        Assert.NotEmpty(replies);
        var saved = await rig.Service<ChannelStateStore>().GetAsync("telegram", TelegramPoller.OffsetKey, CancellationToken.None);
        Assert.True(int.Parse(saved!, CultureInfo.InvariantCulture) > badId);
        Assert.Equal(poison == "shared contact without phone_number" ? 2 : 1, await InboxCountAsync(rig) - storedBefore);
        Assert.Equal("ok", rig.Service<TelegramStatus>().State); // /health does not call the channel failing over it
    }

    [Theory]
    [MemberData(nameof(Poisons))]
    public async Task The_webhook_answers_a_poison_update_with_200_and_sends_nothing(string poison)
    {
        var rig = await rigs.WebhookAsync();
        var lan = new FakeTelegramUser(rigs.NewChatId());
        var storedBefore = await InboxCountAsync(rig);

        using var response = await rig.PostAsync(Poison(lan, poison));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A contact card without a number still comes from a person in a private chat: it is read as a message.
        Assert.Equal(poison == "shared contact without phone_number" ? 1 : 0, await InboxCountAsync(rig) - storedBefore);
    }

    private static async Task<int> InboxCountAsync(TelegramRig rig)
    {
        await using var db = await rig.Db();
        return await db.Inbox.CountAsync();
    }

    private static JsonObject Poison(FakeTelegramUser lan, string poison)
    {
        var update = poison switch
        {
            "message without chat" or "message without from" or "message with chat null" => lan.Text("xin chào"),
            "button press without from" or "button press on a message without chat" => lan.Press("bhyt", 5),
            "shared contact without phone_number" => lan.SharesOwnPhone("0912345678"),
            _ => lan.BlocksTheBot(),
        };
        switch (poison)
        {
            case "message without chat": update["message"]!.AsObject().Remove("chat"); break;
            case "message without from": update["message"]!.AsObject().Remove("from"); break;
            case "message with chat null": update["message"]!["chat"] = null; break;
            case "button press without from": update["callback_query"]!.AsObject().Remove("from"); break;
            case "button press on a message without chat": update["callback_query"]!["message"]!.AsObject().Remove("chat"); break;
            case "block without chat": update["my_chat_member"]!.AsObject().Remove("chat"); break;
            case "block without from": update["my_chat_member"]!.AsObject().Remove("from"); break;
            case "block without new_chat_member": update["my_chat_member"]!.AsObject().Remove("new_chat_member"); break;
            case "shared contact without phone_number": update["message"]!["contact"]!.AsObject().Remove("phone_number"); break;
        }

        return update;
    }
}
