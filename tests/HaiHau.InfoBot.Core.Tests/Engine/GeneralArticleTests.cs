using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Engine;

/// <summary>
/// «Đọc bài đầy đủ» under an answer promises the rest of it. For an entry whose article is a topic's general one
/// (`general: true`, «Các hỗ trợ khác…»: tuition, electricity, clean water) it led somewhere else: after the land-dispute
/// or the phone-scam answer the resident got the list of other supports. Such an answer has no such button now.
/// </summary>
public sealed class GeneralArticleTests
{
    [Theory]
    [InlineData("tranh-chap-dat-dai")]
    [InlineData("lua-dao-gia-danh-can-bo")]
    [InlineData("tro-ly-hoi-dap-la-gi")]
    public void An_answer_whose_article_is_general_offers_no_read_more_of_it(string entry)
    {
        var general = EngineHarness.Repo.Content.FindArticle(EngineHarness.Repo.Questions.FindFaq(entry)!.AnswerArticle);
        Assert.True(general is { General: true });
        var bot = new EngineHarness();

        var answer = bot.Press(new AnswerRef(AnswerRef.Faq, entry).Payload);

        Assert.DoesNotContain(answer[^1].QuickReplies, b => b.Label == EngineHarness.Repo.Questions.Messages.ReadArticle);
        Assert.DoesNotContain(answer[^1].QuickReplies, b => b.Id == new AnswerRef(AnswerRef.Article, general!.Id).Payload);
    }

    [Fact]
    public void An_answer_whose_article_is_about_it_offers_the_whole_article()
    {
        var faq = EngineHarness.Repo.Questions.FindFaq("vay-ho-can-ngheo")!;
        Assert.False(EngineHarness.Repo.Content.FindArticle(faq.AnswerArticle)!.General);
        var bot = new EngineHarness();

        var answer = bot.Press(new AnswerRef(AnswerRef.Faq, faq.Id).Payload);

        var read = answer[^1].QuickReplies[0];
        Assert.Equal(EngineHarness.Repo.Questions.Messages.ReadArticle, read.Label);
        Assert.Equal(new AnswerRef(AnswerRef.Article, faq.AnswerArticle).Payload, read.Id);
    }
}
