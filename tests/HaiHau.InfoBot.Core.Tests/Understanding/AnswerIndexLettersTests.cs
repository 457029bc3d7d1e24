using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// A letter tells its case before it asks («xin hỏi trường hợp của tôi, nếu … thì …»), and those words are rare in the
/// bot's own short questions, so they weighed as much as the subject and the right answer's coverage stayed under the
/// threshold (issue 12's REFER rows). Letters residents wrote (content/understanding/letters.tsv) teach how common
/// each word is in that way of writing: the grammar of telling weighs less, the subject does not.
/// </summary>
public sealed class AnswerIndexLettersTests
{
    private static readonly AnswerRef Card = new(AnswerRef.Faq, "the-bhyt-het-han");
    private static readonly AnswerRef Loan = new(AnswerRef.Faq, "vay-ho-ngheo");

    private static readonly AnswerDocument[] Documents =
    [
        new("health_insurance", Card, "bhyt", Words("the bao hiem y te het han lam lai o dau"), Words("bac mang can cuoc den ubnd xa")),
        new("credit", Loan, "vay", Words("ho ngheo vay von bao nhieu lai suat"), Words("bac hoi to truong to tiet kiem va vay von")),
    ];

    private static readonly IReadOnlyList<string>[] Questions =
    [
        Words("the bhyt het han"), Words("vay von lai suat bao nhieu"), Words("ho ngheo duoc vay khong"), Words("lam lai the o dau"),
    ];

    // How people write to a Q&A page: the telling words in every letter, the subjects in a few.
    private static readonly IReadOnlyList<string>[] Letters =
    [
        .. Enumerable.Range(0, 30).Select(i => Words(i % 3 == 0
            ? "xin hoi truong hop cua toi neu the bao hiem het han thi co duoc khong"
            : "xin hoi truong hop cua toi neu vay von thi co duoc khong mong giai dap")),
    ];

    private static readonly IReadOnlyList<string> Letter = Words("xin hoi truong hop cua toi neu the bao hiem y te het han thi lam lai o dau mong giai dap");

    [Fact]
    public void A_letter_covers_its_subject_s_answer_more_once_letters_teach_the_words_of_telling()
    {
        var without = new AnswerIndex(Documents, Questions);
        var with = new AnswerIndex(Documents, Questions, Letters);

        var (before, after) = (without.Coverage(Letter, Card), with.Coverage(Letter, Card, letter: true));

        Assert.True(after > before + 0.1, $"coverage {before:0.00} → {after:0.00}");
        Assert.Equal(Card, with.Ranked(Letter)[0].Answer); // the ranking is the subject's, as before
        Assert.Equal(Card, without.Ranked(Letter)[0].Answer);
    }

    [Fact]
    public void The_telling_words_weigh_less_and_a_word_no_text_has_still_weighs_most()
    {
        var with = new AnswerIndex(Documents, Questions, Letters);
        var weights = with.Uncovered(Words("xin hoi mong giai dap thua ke"), Loan, letter: true).ToDictionary(w => w.Word, w => w.Weight);

        Assert.True(weights["thua"] > weights["hoi"] && weights["ke"] > weights["mong"], string.Join(", ", weights));
        // A chat message is weighed by the bot's own texts alone: there the telling words are as heavy as a word no
        // text has, and the letters change nothing.
        var chat = with.Uncovered(Words("mong thua"), Loan).ToDictionary(w => w.Word, w => w.Weight);
        Assert.Equal(chat["thua"], chat["mong"]);
        Assert.Equal(new AnswerIndex(Documents, Questions).Coverage(Letter, Card), with.Coverage(Letter, Card), 12);
    }

    [Fact]
    public void How_many_letters_there_are_does_not_change_how_much_they_count()
    {
        // The letters weigh as much as the bot's own texts together: ten copies of the same letters teach the same.
        var once = new AnswerIndex(Documents, Questions, Letters);
        var tenTimes = new AnswerIndex(Documents, Questions, [.. Enumerable.Repeat(Letters, 10).SelectMany(l => l)]);

        Assert.Equal(once.Coverage(Letter, Card, letter: true), tenTimes.Coverage(Letter, Card, letter: true), 9);
    }

    private static string[] Words(string text) => text.Split(' ');
}
