using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// The answer ranking scores from postings (each term's answers) since issue 15's Telegram profile found the
/// document-by-document BM25 to be the largest part of a typed question's turn. A resident must get the same answer
/// as before: every score must be bit for bit the old sum, and the order the old order.
/// </summary>
public sealed class AnswerIndexPostingsTests
{
    private static readonly BotData Repo = EngineHarness.Repo;
    private static readonly QuestionUnderstanding Understanding = QuestionUnderstanding.Build(Repo.Understanding, Repo.Content.Articles, store: PreparedUnderstanding.Store());

    public static TheoryData<string> Questions() =>
    [
        "thẻ bảo hiểm y tế hết hạn thì làm sao", "vay vốn nuôi lợn", "học nghề có mất tiền không",
        "hoc nghe co mat tien khong", "menu", "thừa kế đất của bố mẹ", "xyzzy",
    ];

    [Fact]
    public void Every_dev_question_scores_every_answer_exactly_as_the_document_by_document_sums()
    {
        var index = Understanding.Answers;
        foreach (var item in DevSet.Load())
        {
            var tokens = Understanding.Normalizer.Tokens(item.Question);
            var (postings, oneByOne) = (index.Scores(tokens), index.ScoresDocumentByDocument(tokens));
            Assert.True(postings.SequenceEqual(oneByOne), $"devset line {item.Line}: the scores differ");
        }
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void The_ranking_is_the_old_order_best_first_with_and_without_the_topic_prior(string question)
    {
        var tokens = Understanding.Normalizer.Tokens(question);
        var scores = Understanding.Answers.ScoresDocumentByDocument(tokens);
        var topics = Understanding.Answers.Ranked(tokens).ToDictionary(r => r.Answer, r => r.Topic);
        Func<string, double> prior = topic => topic.Length % 3 / 3.0; // any lean by topic
        foreach (var lean in new[] { null, prior })
        {
            // What Ranked did before: every answer scored alone, times the prior's power, then a stable sort, best first.
            var expected = scores.Select(s => (s.Answer, Score: s.Score * (lean is null ? 1 : Math.Pow(lean(topics[s.Answer]) + 0.01, 0.5))))
                .OrderByDescending(x => x.Score).ToList();

            var ranked = Understanding.Answers.Ranked(tokens, lean);

            Assert.Equal(expected, ranked.Select(r => (r.Answer, r.Score)).ToList());
        }
    }
}
