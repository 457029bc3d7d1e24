using System.Net;
using System.Text;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.WebChat;

/// <summary>
/// The web chat's HTTP API. Tests that each start conversations of their own share the class's host (<see cref="SharedApp"/>);
/// those that move the clock, change a setting or restart boot their own.
/// </summary>
public sealed class WebChatApiTests(SharedApp shared) : HostTestBase, IClassFixture<SharedApp>
{
    [Fact]
    public async Task A_new_conversation_greets_and_offers_the_menu()
    {
        var app = shared.App;
        var chat = new WebChatClient(app.CreateClient());

        var start = await chat.StartAsync();

        Assert.Matches("^w[0-9a-f]{32}$", start.ConversationId);
        Assert.Contains("Chào bác!", start.AllText, StringComparison.Ordinal);
        Assert.Equal(["ho-ngheo", "bhyt", "vay-von", "hoc-nghe", "viec-lam", "ho-tro-khac", "dang-ky", "can-bo"], start.ChoiceIds);
    }

    [Fact]
    public async Task Resident_goes_from_menu_to_the_health_insurance_answer_by_button_and_by_typing()
    {
        var app = shared.App;
        var chat = new WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;

        var question = await chat.SendAsync(id, choice: "bhyt");
        var answer = await chat.SendAsync(id, text: "ho ngheo");

        Assert.Contains("Hộ nhà bác đang thuộc diện nào?", question.AllText, StringComparison.Ordinal);
        Assert.Contains("BẢO HIỂM Y TẾ CHO NGƯỜI THUỘC HỘ NGHÈO", answer.AllText, StringComparison.Ordinal);
        Assert.Contains("100%", answer.AllText, StringComparison.Ordinal); // the fact, rendered the Vietnamese way
        Assert.DoesNotContain("{fact:", answer.AllText, StringComparison.Ordinal);
        Assert.Equal(["yes", "no"], answer.ChoiceIds);
    }

    [Fact]
    public async Task A_message_sent_twice_is_answered_once_and_the_retry_gets_the_same_replies()
    {
        var app = shared.App;
        var chat = new WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;

        var first = await chat.SendAsync(id, choice: "bhyt", clientMessageId: "retry-1");
        var again = await chat.SendAsync(id, choice: "bhyt", clientMessageId: "retry-1");
        var history = await chat.HistoryAsync(id);

        Assert.Equal(first.Replies.Select(r => r.Id), again.Replies.Select(r => r.Id));
        Assert.Single(history.Replies, r => r.Text.StartsWith("Hộ nhà bác đang thuộc diện nào?", StringComparison.Ordinal));
        // The dialog did not advance twice: the BHYT question still waits for its answer.
        Assert.Contains("BẢO HIỂM Y TẾ", (await chat.SendAsync(id, choice: "ngheo")).AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restarting_the_host_mid_dialog_continues_where_the_resident_was()
    {
        var time = InfoBotApp.NewClock();
        string id;
        await using (var before = NewApp(time))
        {
            var chat = new WebChatClient(before.CreateClient());
            id = (await chat.StartAsync()).ConversationId;
            await chat.SendAsync(id, choice: "bhyt");
        }

        await using var after = NewApp(time);
        var resumed = await new WebChatClient(after.CreateClient()).SendAsync(id, choice: "can-ngheo");

        Assert.Contains("BẢO HIỂM Y TẾ CHO NGƯỜI THUỘC HỘ CẬN NGHÈO", resumed.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conversation_idle_for_more_than_a_day_starts_fresh_with_a_note()
    {
        await using var app = NewApp();
        var chat = new WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;
        await chat.SendAsync(id, choice: "bhyt");

        app.Time.Advance(TimeSpan.FromHours(25));
        var later = await chat.SendAsync(id, choice: "ngheo");

        Assert.Contains("Đã 1 ngày kể từ lần trước bác nhắn", later.AllText, StringComparison.Ordinal);
        Assert.Contains("bhyt", later.ChoiceIds);
        Assert.DoesNotContain("BẢO HIỂM Y TẾ", later.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_idle_time_is_configurable()
    {
        await using var app = NewApp(settings: new Dictionary<string, string?> { ["InfoBot:Conversations:IdleTimeout"] = "00:30:00" });
        var chat = new WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;
        await chat.SendAsync(id, choice: "bhyt");

        app.Time.Advance(TimeSpan.FromMinutes(31));

        Assert.Contains("kể từ lần trước bác nhắn", (await chat.SendAsync(id, choice: "ngheo")).AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", 400, "JSON")]
    [InlineData("[1,2]", 400, "đối tượng")]
    [InlineData("{\"text\":\"xin chào\"}", 400, "conversationId")]
    [InlineData("{\"conversationId\":\"../../etc\",\"text\":\"a\"}", 400, "conversationId")]
    [InlineData("{\"conversationId\":\"w0000000000000000\",\"text\":\"   \"}", 400, "Tin nhắn trống")]
    [InlineData("{\"conversationId\":\"w0000000000000000\",\"text\":\"xin chào\"}", 404, "Không tìm thấy")]
    [InlineData("{\"conversationId\":\"w0000000000000000\",\"choice\":\"" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "\"}", 400, "choice")]
    public async Task Malformed_requests_get_a_clear_answer_and_no_server_error(string body, int status, string words)
    {
        var app = shared.App;
        var response = await app.CreateClient().PostAsync(
            new Uri("/api/webchat/messages", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(words, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        var app = shared.App;
        var body = "{\"conversationId\":\"w0000000000000000\",\"text\":\"" + new string('a', 40_000) + "\"}";
        var response = await app.CreateClient().PostAsync(
            new Uri("/api/webchat/messages", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Too_long_text_gets_a_polite_answer_and_the_question_again()
    {
        var app = shared.App;
        var chat = new WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;
        await chat.SendAsync(id, choice: "bhyt");

        var reply = await chat.SendAsync(id, text: string.Concat(Enumerable.Repeat("bảo hiểm ", 300)));

        Assert.Contains("Tin nhắn của bác dài quá (2.699 ký tự)", reply.AllText, StringComparison.Ordinal);
        Assert.Contains("dưới 2.000 ký tự", reply.AllText, StringComparison.Ordinal);
        Assert.Contains("Hộ nhà bác đang thuộc diện nào?", reply.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("🙂🙂🙂")]
    [InlineData("\u0000\u0007\u202E")]
    [InlineData("Привет 你好 مرحبا")]
    public async Task Strange_text_is_answered_kindly_without_losing_the_place(string text)
    {
        var app = shared.App;
        var chat = new WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;
        await chat.SendAsync(id, choice: "bhyt");

        var reply = await chat.SendAsync(id, text: text);

        Assert.Contains("Bác bấm nút đúng với diện của nhà mình", reply.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", reply.AllText, StringComparison.Ordinal);
        Assert.Contains("BẢO HIỂM Y TẾ", (await chat.SendAsync(id, choice: "ngheo")).AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_returns_only_replies_after_the_cursor()
    {
        var app = shared.App;
        var chat = new WebChatClient(app.CreateClient());
        var start = await chat.StartAsync();
        var last = start.Replies[^1].Id;
        await chat.SendAsync(start.ConversationId, choice: "bhyt");

        var after = await chat.HistoryAsync(start.ConversationId, last);
        var unknown = await chat.Http.GetAsync(new Uri("/api/webchat/conversations/w0000000000000000/messages", UriKind.Relative));
        var badCursor = await chat.Http.GetAsync(new Uri($"/api/webchat/conversations/{start.ConversationId}/messages?after=abc", UriKind.Relative));

        Assert.All(after.Replies, r => Assert.True(r.Id > last));
        Assert.Equal("Bảo hiểm y tế", after.Replies[0].Said); // the label of the button pressed
        Assert.Null((await chat.HistoryAsync(start.ConversationId)).Replies[0].Said); // the greeting answered no words
        Assert.Contains("Hộ nhà bác đang thuộc diện nào?", after.AllText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
        Assert.Contains("after", await badCursor.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
