using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Host.Tests.Telegram;
using HaiHau.InfoBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.Host.Tests.Zalo;
using HaiHau.InfoBot.TestKit.Telegram;

namespace HaiHau.InfoBot.Host.Tests.Reach;

/// <summary>
/// Through each channel's real adapter (the web chat API, Telegram's webhook against the fake Bot API, Zalo's webhook
/// against the fake OA API), a linked resident who gets an answer makes their household reached on the reach page.
/// </summary>
public sealed class ReachChannelTests : HostTestBase
{
    [Fact]
    public async Task An_faq_answer_in_the_web_chat_counts_on_the_reach_page()
    {
        await using var app = NewApp();
        var chat = new WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync())
        {
            await ReachPage.LinkAsync(db, "web", null); // the web chat's id is the page's token, not the stored chat id
        }

        Assert.Equal((0, 1), await ReachPage.DistrictAsync(app));
        var answer = await chat.SendAsync(id, choice: "faq:the-bhyt-sai-het-han");

        Assert.StartsWith("Thẻ bảo hiểm y tế", answer.AllText, StringComparison.Ordinal);
        Assert.Equal((1, 1), await ReachPage.DistrictAsync(app, "tt2@haihau.test"));
    }

    [Fact]
    public async Task An_faq_answer_pressed_on_Telegram_counts_on_the_reach_page()
    {
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(), TelegramMode.Webhook);
        var lan = new FakeTelegramUser(123456789);
        var start = await rig.SayAsync(lan.Text("/start"));
        await using (var db = await rig.Db())
        {
            await ReachPage.LinkAsync(db, "telegram", lan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var answer = await rig.SayAsync(lan.Press("faq:the-bhyt-sai-het-han", start[^1].MessageId));

        Assert.StartsWith("Thẻ bảo hiểm y tế", answer[0].Text, StringComparison.Ordinal);
        Assert.Equal((1, 1), await ReachPage.DistrictAsync(rig.App));
    }

    [Fact]
    public async Task An_article_reached_by_typing_on_Zalo_counts_on_the_reach_page()
    {
        await using var bed = await ZaloBed.StartAsync(Folder);
        await bed.ConverseAsync(bed.Payload("follow.json"), replies: 2);
        await using (var db = await bed.DbAsync())
        {
            await ReachPage.LinkAsync(db, "zalo", ZaloBed.Resident);
        }

        await bed.ConverseAsync(bed.Text("2"), replies: 1);
        var answer = await bed.ConverseAsync(bed.Text("ho ngheo"), replies: 2);

        Assert.Equal((1, 1), await ReachPage.DistrictAsync(bed.App));
        Assert.Equal(2, answer.Count);
    }
}
