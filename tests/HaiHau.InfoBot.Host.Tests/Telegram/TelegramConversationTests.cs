using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Telegram;

/// <summary>
/// A whole conversation on Telegram, menu → topic → answer, through buttons and through typed text, with the host
/// receiving by webhook and by polling: what the web chat allows, a resident can do on Telegram. One rig per mode for
/// the class, each test in a chat of its own; erasure, which must leave no message text in the whole database, has its own.
/// </summary>
public sealed class TelegramConversationTests(SharedTelegramRigs rigs) : HostTestBase, IClassFixture<SharedTelegramRigs>
{
    private const long Lan = 123456789;

    [Theory]
    [InlineData(TelegramMode.Webhook)]
    [InlineData(TelegramMode.Polling)]
    public async Task A_resident_goes_from_the_menu_to_an_answer_by_pressing_buttons(TelegramMode mode)
    {
        var rig = await RigAsync(mode);
        var lan = new FakeTelegramUser(rigs.NewChatId());
        var answeredBefore = AnsweredPresses(rig); // the class's earlier tests waited for theirs

        var start = await rig.SayAsync(lan.Text("/start"));
        var topic = await rig.SayAsync(lan.Press("bhyt", start[^1].MessageId));
        var answer = await rig.SayAsync(lan.Press("ngheo", topic[^1].MessageId));
        var more = await rig.SayAsync(lan.Press("no", answer[^1].MessageId));
        var bye = await rig.SayAsync(lan.Press("xong", more[^1].MessageId));

        Assert.StartsWith("Chào bác!", start[0].Text, StringComparison.Ordinal);
        Assert.Equal("Hộ nhà bác đang thuộc diện nào? Cháu sẽ nói mức hỗ trợ bảo hiểm y tế của đúng diện đó.", Assert.Single(topic).Text);
        Assert.Equal(["ngheo", "can-ngheo", "nong-nghiep", "moi-thoat-ngheo", "chua-ro"], topic[0].ButtonData);
        Assert.StartsWith("<b>BẢO HIỂM Y TẾ CHO NGƯỜI THUỘC HỘ NGHÈO</b>\n\n", answer[0].Text, StringComparison.Ordinal);
        Assert.Equal([[("Có", "yes"), ("Không", "no")]], answer[^1].Keyboard.Select(r => r.ToArray()).ToArray()); // side by side
        Assert.Equal("Bác còn muốn hỏi gì nữa không?", Assert.Single(more).Text);
        Assert.StartsWith("Cảm ơn bác.", Assert.Single(bye).Text, StringComparison.Ordinal);
        Assert.Equal(["menu", "handoff"], bye[0].ButtonData);
        Assert.Equal(4, (await rig.Fake.WaitForAsync("answerCallbackQuery", answeredBefore + 4)).Count - answeredBefore);
    }

    [Theory]
    [InlineData(TelegramMode.Webhook)]
    [InlineData(TelegramMode.Polling)]
    public async Task A_resident_goes_the_same_way_by_typing(TelegramMode mode)
    {
        var rig = await RigAsync(mode);
        var lan = new FakeTelegramUser(rigs.NewChatId());
        var requestsBefore = rig.Fake.Requests.Count;

        await rig.SayAsync(lan.Text("Chào cháu"));
        var topic = await rig.SayAsync(lan.Text("2"));
        var answer = await rig.SayAsync(lan.Text("ho ngheo"));
        var more = await rig.SayAsync(lan.Text("ko"));
        var bye = await rig.SayAsync(lan.Text("không, cảm ơn"));

        Assert.StartsWith("Hộ nhà bác đang thuộc diện nào?", Assert.Single(topic).Text, StringComparison.Ordinal);
        Assert.StartsWith("<b>BẢO HIỂM Y TẾ CHO NGƯỜI THUỘC HỘ NGHÈO</b>", answer[0].Text, StringComparison.Ordinal);
        Assert.Equal("Bác còn muốn hỏi gì nữa không?", Assert.Single(more).Text);
        Assert.StartsWith("Cảm ơn bác.", Assert.Single(bye).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(rig.Fake.Requests.Skip(requestsBefore), r => r.Method == "answerCallbackQuery");
    }

    [Fact]
    public async Task A_button_left_on_an_older_message_asks_the_current_question_again_kindly()
    {
        var rig = await rigs.WebhookAsync();
        var lan = new FakeTelegramUser(rigs.NewChatId());
        var start = await rig.SayAsync(lan.Text("/start"));
        await rig.SayAsync(lan.Text("bảo hiểm y tế")); // typed: the menu keeps its buttons

        var stale = await rig.SayAsync(lan.Press("vay-von", start[^1].MessageId));
        var answer = await rig.SayAsync(lan.Text("2"));

        Assert.Equal("Nút bác vừa bấm thuộc một câu hỏi trước rồi ạ. Cháu xin hỏi lại câu đang dở:", stale[0].Text);
        Assert.StartsWith("Hộ nhà bác đang thuộc diện nào?", stale[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("<b>BẢO HIỂM Y TẾ CHO NGƯỜI THUỘC HỘ CẬN NGHÈO</b>", answer[0].Text, StringComparison.Ordinal);
        var removed = await rig.Fake.WaitForAsync(r => r.Method == "editMessageReplyMarkup" && r.ChatId == lan.Id);
        Assert.Equal(start[^1].MessageId, removed[0].Body["message_id"]!.GetValue<int>());
    }

    [Fact]
    public async Task Erasing_my_data_on_telegram_still_tells_the_resident_it_is_done_then_forgets_the_chat()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);
        var lan = new FakeTelegramUser(Lan);
        await rig.SayAsync(lan.Text("/start hai-chau"));
        var confirm = await rig.SayAsync(lan.Text("xóa dữ liệu của tôi"));

        var done = await rig.SayAsync(lan.Press("yes", confirm[^1].MessageId));

        Assert.StartsWith("Cháu đã xóa toàn bộ tin nhắn", Assert.Single(done).Text, StringComparison.Ordinal);
        await using var db = await rig.Db();
        var chat = Lan.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(await db.Outbox.AnyAsync(o => o.ChatId == chat));
        Assert.False(await db.Inbox.AnyAsync(i => i.ChatId == chat || i.ExternalId.Contains(chat) || i.Text != null));
        Assert.False(await db.Conversations.AnyAsync(c => c.ChatId == chat));
        var again = await rig.SayAsync(lan.Text("menu"));
        Assert.StartsWith("Chào bác!", again[0].Text, StringComparison.Ordinal); // a new conversation
    }

    private async Task<TelegramRig> RigAsync(TelegramMode mode) => mode == TelegramMode.Webhook ? await rigs.WebhookAsync() : await rigs.PollingAsync();

    private static int AnsweredPresses(TelegramRig rig) => rig.Fake.Requests.Count(r => r.Method == "answerCallbackQuery");
}
