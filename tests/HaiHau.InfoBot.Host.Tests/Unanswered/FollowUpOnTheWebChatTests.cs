using HaiHau.InfoBot.Host.Tests.WebChat;

namespace HaiHau.InfoBot.Host.Tests.Unanswered;

/// <summary>
/// A follow-up through the web chat's HTTP API (real engine, real SQLite): the second message is read with the answer
/// the first got, and what that answer does not say reaches the staff page with the answer's question after it.
/// </summary>
public sealed class FollowUpOnTheWebChatTests : HostTestBase
{
    [Fact]
    public async Task A_follow_up_gets_the_part_asked_and_one_the_answer_does_not_say_reaches_staff_with_its_context()
    {
        await using var app = NewApp();
        var loop = await UnansweredConsole.StartAsync(app);
        var chat = new WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;

        var storm = await chat.SendAsync(id, text: "nhà bị bão làm tốc mái thì có được hỗ trợ không");
        var where = await chat.SendAsync(id, text: "phải báo ai");
        var howLong = await chat.SendAsync(id, text: "bao lâu thì có tiền");

        Assert.Contains("Nhà bị bão làm hư hỏng có được hỗ trợ gì không?", storm.AllText, StringComparison.Ordinal);
        Assert.Contains("Bác báo ngay với trưởng thôn và UBND xã", where.AllText, StringComparison.Ordinal); // the sentence that says it
        Assert.DoesNotContain("Mức trợ giúp", where.AllText, StringComparison.Ordinal);
        Assert.Contains("faq:nha-hu-hong-do-bao-lu", where.ChoiceIds); // «Xem cả câu trả lời»
        Assert.Contains("câu trả lời này chưa nói", howLong.AllText, StringComparison.Ordinal);

        var page = await loop.PageAsync();
        Assert.Equal(1, UnansweredConsole.GroupCount(page, "bao lau thi co tien nha bi bao lam hu hong co duoc ho tro gi khong"));
        Assert.Null(UnansweredConsole.GroupCount(page, "phai bao ai")); // answered: not a question for staff
    }
}
