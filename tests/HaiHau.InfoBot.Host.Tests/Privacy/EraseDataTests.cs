using System.Net;
using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using HaiHau.InfoBot.TestKit.Postgres;

namespace HaiHau.InfoBot.Host.Tests.Privacy;

/// <summary>"Xóa dữ liệu của tôi" leaves no message text and no link to the resident; anonymous counts stay.</summary>
public sealed class EraseDataTests : HostTestBase
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Erasing_deletes_every_text_and_forgets_the_conversation_but_keeps_anonymous_counts(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var chat = new WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;
        await chat.SendAsync(id, text: "bao hiem y te Nguyễn Thị Riêng Tư");
        await chat.SendAsync(id, choice: "bhyt");
        await chat.SendAsync(id, choice: "ngheo");

        var confirm = await chat.SendAsync(id, text: "xóa dữ liệu của tôi");
        var done = await chat.SendAsync(id, choice: "yes");
        var afterwards = await chat.PostRawAsync(new { conversationId = id, clientMessageId = "later", text = "menu" });

        Assert.Contains("Xóa rồi thì không lấy lại được", confirm.AllText, StringComparison.Ordinal);
        Assert.Contains("Cháu đã xóa toàn bộ tin nhắn", done.AllText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode); // the page starts a new conversation

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Inbox.AnyAsync(i => i.Text != null || i.Payload != null));
        Assert.False(await db.Inbox.AnyAsync(i => i.ChatId == id || i.ExternalId.Contains(id)));
        Assert.False(await db.Conversations.AnyAsync(c => c.ChatId == id));
        Assert.Equal(1, await db.Outbox.CountAsync()); // only the confirmation, already delivered, under the anonymous id
        Assert.True(await db.TurnEvents.AnyAsync(e => e.Kind == "article_viewed" && e.Subject == "bhyt-ho-ngheo"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_unanswered_question_is_kept_for_staff_until_the_resident_erases_it(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var chat = new WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;

        var reply = await chat.SendAsync(id, text: "Hôm nay có mưa không?");
        var recorded = await UnansweredAsync(app);
        await chat.SendAsync(id, text: "xóa dữ liệu của tôi");
        await chat.SendAsync(id, choice: "yes");
        var afterwards = await UnansweredAsync(app);

        Assert.Contains("cháu chưa hiểu câu hỏi của bác", reply.AllText, StringComparison.Ordinal);
        Assert.Equal(["hom nay co mua khong"], recorded);
        Assert.Equal([null], afterwards); // still counted, no longer readable
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Saying_no_keeps_everything(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var chat = new WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;
        await chat.SendAsync(id, text: "xoa du lieu cua toi");

        var kept = await chat.SendAsync(id, choice: "no");

        Assert.Contains("cháu giữ nguyên", kept.AllText, StringComparison.Ordinal);
        Assert.NotEmpty((await chat.HistoryAsync(id)).Replies);
    }

    private static async Task<List<string?>> UnansweredAsync(InfoBotApp app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        return await db.TurnEvents.Where(e => e.Kind == "question_unanswered").Select(e => e.Subject).ToListAsync();
    }
}
