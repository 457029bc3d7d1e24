using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// The entry model learns what each entry is asked for from letters written for it: a new letter, whose story shares
/// more words with another entry's letters than its ask does, is read as the entry its ask belongs to.
/// </summary>
public sealed class EntryModelTests
{
    private static readonly QuestionNormalizer Normalizer = new(Abbreviations.None);
    private static readonly AnswerRef Emergency = new(AnswerRef.Faq, "bhyt-cap-cuu");
    private static readonly AnswerRef LostCard = new(AnswerRef.Faq, "bhyt-mat-the");

    private static EntryModel Model() => EntryModel.Train(new (AnswerRef, string)[]
    {
        (Emergency, "Cấp cứu ở bệnh viện khác có được bảo hiểm y tế trả không?"),
        (Emergency, "Bố tôi bị ngã xe, người ta đưa vào bệnh viện gần nhất để cấp cứu, không phải nơi đăng ký thẻ. Vậy có được bảo hiểm trả không?"),
        (Emergency, "Mẹ tôi lên cơn đau tim giữa đêm, con chở vào viện tỉnh cấp cứu, quên mang thẻ. Hôm sau nộp thẻ có được hưởng không?"),
        (Emergency, "con toi bi sot cao co giat dua di cap cuu benh vien tu co dung the bhyt duoc khong"),
        (LostCard, "Thẻ bảo hiểm y tế bị mất thì làm lại ở đâu?"),
        (LostCard, "Tôi đi chợ bị rơi ví, mất cả thẻ bảo hiểm y tế. Xin hỏi làm lại thẻ ở đâu, có mất tiền không?"),
        (LostCard, "Nhà tôi bị cháy bếp, giấy tờ mất hết trong đó có thẻ bảo hiểm của hai ông bà. Làm thế nào để được cấp lại?"),
        (LostCard, "the bhyt cua me em bi chuot can rach nat het roi, xin cap lai o dau a"),
    }.Select(e => (e.Item1, (IReadOnlyList<string>)Normalizer.Tokens(e.Item2))).ToList(), store: null);

    [Fact]
    public void A_new_letter_is_read_as_the_entry_its_ask_belongs_to_though_its_story_is_about_the_other()
    {
        var model = Model();
        // A story of a lost wallet and papers (the lost-card letters' words), asking about an emergency at another hospital.
        var tokens = Normalizer.Tokens("Tôi bị mất ví, mất cả giấy tờ. Hôm qua tôi ngã xe được đưa đi cấp cứu ở bệnh viện không phải nơi đăng ký, vậy bảo hiểm có trả không?");

        Assert.True(model.Probability(Emergency, tokens) > model.Probability(LostCard, tokens));
        Assert.Equal(Emergency, model.Ranked(tokens, 1)[0].Answer);
    }

    [Fact]
    public void An_answer_it_never_learned_and_a_message_of_unknown_words_get_no_probability()
    {
        var model = Model();

        Assert.Equal(0, model.Probability(new AnswerRef(AnswerRef.Faq, "tien-dien"), Normalizer.Tokens("mất thẻ bảo hiểm")));
        Assert.Equal(0, model.Probability(Emergency, Normalizer.Tokens("zzzz qqqq")));
        Assert.Empty(model.Ranked(Normalizer.Tokens("zzzz qqqq"), 3));
        Assert.Empty(EntryModel.Empty.Ranked(Normalizer.Tokens("mất thẻ bảo hiểm"), 3));
    }

    [Fact]
    public void The_practice_letters_are_read_again_from_their_file_and_a_rebuild_for_staff_phrasings_keeps_the_entry_model()
    {
        using var folder = new TempDirectory();
        var content = RepoPaths.CopyFolder(RepoPaths.Content, Path.Combine(folder.Path, "content"));
        var data = BotDataLoader.Load(RepoPaths.Dialogs, content, PreparedUnderstanding.Store());
        const string letter = "Bố tôi 78 tuổi ngã cầu thang, người nhà gọi xe đưa vào bệnh viện tư gần nhất chứ không phải nơi ghi trên thẻ. Bảo hiểm có trả không?";
        var before = data.Questions.ModelReading(letter);

        // Not kept in memory: read again from the file when asked (a line added since is there).
        var count = data.Understanding.PracticeLetters.Count;
        File.AppendAllText(Path.Combine(content, "understanding", "practice-letters.tsv"), "faq:bhyt-cap-cuu\tchat\txe cứu thương chở bố đi viện tư có dc bhyt ko\n");
        Assert.Equal(count + 1, data.Understanding.PracticeLetters.Read().Count);

        // A staff link of a short message adds a keyword to an entry (StaffTeaching), and the understanding is built again.
        var linked = StaffTeaching.With(data.Understanding, [new StaffWording(1, "bị chó cắn đi tiêm phòng dại", FaqId: "bhyt-cap-cuu")], data.Questions.IsLetter);
        var rebuilt = QuestionUnderstanding.Build(linked, data.Content.Articles, store: PreparedUnderstanding.Store(), places: data.Content, entriesFrom: data.Questions);

        Assert.Equal(Emergency, before[0].Answer);
        Assert.Equal(before, rebuilt.ModelReading(letter)); // the same model, not one trained on the edited file
        // The link reached the search: the words it linked are answered with the entry, which they were not before.
        Assert.NotEqual(Emergency, data.Questions.Understand("bị chó cắn đi tiêm phòng dại").Answer);
        Assert.Equal(Emergency, rebuilt.Understand("bị chó cắn đi tiêm phòng dại").Answer);
    }
}
