using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Content;

/// <summary>content/understanding and content/faq are refused when broken, each problem at its file and line.</summary>
public sealed class UnderstandingFilesTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly string _content;

    public UnderstandingFilesTests()
    {
        _content = RepoPaths.CopyFolder(RepoPaths.Content, Path.Combine(_folder.Path, "content"));
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_repository_has_examples_for_every_topic_and_valid_faq_entries()
    {
        var data = EngineHarness.Repo;

        Assert.All(data.Understanding.Registry.Classes, topic => Assert.Contains(data.Understanding.Examples, e => e.Topic == topic));
        Assert.All(data.Understanding.Faqs, faq => Assert.NotNull(data.Content.FindArticle(faq.AnswerArticle)));
        Assert.True(data.Understanding.Faqs.Count >= 25, "FAQ entries cover the common questions of every answered topic");
    }

    [Theory]
    [InlineData("topic: jobs\nquestions:\n  - tìm việc\n  - [sai]\n", "content/understanding/examples/jobs.yaml:4:5: each question must be a line of words")]
    [InlineData("topic: jobs\nquestions:\n  - tìm việc\n  - \"?!\"\n", "content/understanding/examples/jobs.yaml:4:5: each question must be a line of words")]
    [InlineData("topic: credit\nquestions:\n  - tìm việc\n", "content/understanding/examples/jobs.yaml:1:8: topic \"credit\" must match the file name \"jobs\"")]
    [InlineData("topic: jobs\nquestion:\n  - tìm việc\n", "content/understanding/examples/jobs.yaml:2:1: unknown field \"question\" in an examples file (allowed: topic, questions)")]
    [InlineData("topic: jobs\nquestions:\n  - tìm việc\n  - Vay vốn buôn bán nhỏ!\n", "content/understanding/examples/jobs.yaml:4:5: \"Vay vốn buôn bán nhỏ!\" is also an example of \"credit\"")]
    [InlineData("topic: jobs\nquestions: [tìm việc\n", "content/understanding/examples/jobs.yaml:3:1: YAML syntax")]
    public void A_broken_examples_file_is_refused_at_its_line(string yaml, string problem)
    {
        File.WriteAllText(Path.Combine(_content, "understanding", "examples", "jobs.yaml"), yaml);

        var data = BotDataLoader.Load(RepoPaths.Dialogs, _content);

        Assert.True(data.Problems.Any(p => p.ToString().StartsWith(problem, StringComparison.Ordinal)), string.Join("\n", data.Problems));
    }

    [Theory]
    [InlineData("question\tsource\nhttps://a.vn/1\tTôi hỏi\n", "content/understanding/letters.tsv:1:1: the first line must be the header")]
    [InlineData("source\tquestion\nkhông có địa chỉ\tTôi hỏi\n", "content/understanding/letters.tsv:2:1: a letter is")]
    [InlineData("source\tquestion\nhttps://a.vn/1\t  \n", "content/understanding/letters.tsv:2:1: the letter is empty")]
    [InlineData("source\tquestion\nhttps://a.vn/1\tTôi hỏi\nhttps://a.vn/2\tTôi hỏi\n", "content/understanding/letters.tsv:3:1: the same letter is already listed")]
    public void A_broken_letters_file_is_refused_at_its_line(string tsv, string problem)
    {
        File.WriteAllText(Path.Combine(_content, "understanding", "letters.tsv"), tsv);

        var data = BotDataLoader.Load(RepoPaths.Dialogs, _content);

        Assert.True(data.Problems.Any(p => p.ToString().StartsWith(problem, StringComparison.Ordinal)), string.Join("\n", data.Problems));
    }

    [Fact]
    public void The_shipped_letters_are_read_and_without_the_file_the_bot_still_loads()
    {
        Assert.True(EngineHarness.Repo.Understanding.Letters.Count >= 300, $"{EngineHarness.Repo.Understanding.Letters.Count} letters");

        File.Delete(Path.Combine(_content, "understanding", "letters.tsv"));
        var data = BotDataLoader.Load(RepoPaths.Dialogs, _content);

        Assert.Empty(data.Problems);
        Assert.Empty(data.Understanding.Letters);
    }

    [Theory]
    [InlineData("entry\tmessage\nfaq:bhyt-cap-cuu\tTôi hỏi\n", "content/understanding/practice-letters.tsv:1:1: the first line must be the header")]
    [InlineData("entry\tvoice\tmessage\nfaq:bhyt-cap-cuu\tTôi hỏi\n", "content/understanding/practice-letters.tsv:2:1: a practice letter is")]
    [InlineData("entry\tvoice\tmessage\nfaq:khong-co-muc-nay\tletter\tTôi hỏi\n", "content/understanding/practice-letters.tsv:2:1: \"faq:khong-co-muc-nay\" is not an FAQ entry or article")]
    [InlineData("entry\tvoice\tmessage\nbhyt-cap-cuu\tletter\tTôi hỏi\n", "content/understanding/practice-letters.tsv:2:1: \"bhyt-cap-cuu\" is not an FAQ entry or article")]
    [InlineData("entry\tvoice\tmessage\nfaq:bhyt-cap-cuu\tthư\tTôi hỏi\n", "content/understanding/practice-letters.tsv:2:1: voice \"thư\" is not one of")]
    [InlineData("entry\tvoice\tmessage\nfaq:bhyt-cap-cuu\tletter\t \n", "content/understanding/practice-letters.tsv:2:1: the message is empty")]
    [InlineData("entry\tvoice\tmessage\nfaq:bhyt-cap-cuu\tletter\tTôi hỏi\narticle:viec-lam\tchat\tTôi hỏi\n", "content/understanding/practice-letters.tsv:3:1: the same message is already listed")]
    public void A_broken_practice_letters_file_is_refused_at_its_line(string tsv, string problem)
    {
        File.WriteAllText(Path.Combine(_content, "understanding", "practice-letters.tsv"), tsv);

        var data = BotDataLoader.Load(RepoPaths.Dialogs, _content);

        Assert.True(data.Problems.Any(p => p.ToString().StartsWith(problem, StringComparison.Ordinal)), string.Join("\n", data.Problems));
    }

    [Fact]
    public void Every_entry_has_practice_letters_and_without_the_file_the_bot_still_loads()
    {
        var data = EngineHarness.Repo;
        var perEntry = data.Understanding.PracticeLetters.Read().GroupBy(l => l.Answer).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(data.Understanding.Faqs, f => Assert.True(perEntry.GetValueOrDefault(new AnswerRef(AnswerRef.Faq, f.Id)) >= 16, $"{f.Id}: {perEntry.GetValueOrDefault(new AnswerRef(AnswerRef.Faq, f.Id))} practice letters"));
        Assert.All(data.Content.Articles, a => Assert.True(perEntry.GetValueOrDefault(new AnswerRef(AnswerRef.Article, a.Id)) >= 16, $"article {a.Id}"));

        File.Delete(Path.Combine(_content, "understanding", "practice-letters.tsv"));
        var without = BotDataLoader.Load(RepoPaths.Dialogs, _content);

        Assert.Empty(without.Problems);
        Assert.Equal(0, without.Understanding.PracticeLetters.Count);
        Assert.Empty(without.Understanding.PracticeLetters.Read());
    }

    [Fact]
    public void A_topic_without_examples_is_refused()
    {
        File.Delete(Path.Combine(_content, "understanding", "examples", "opt_out.yaml"));

        var data = BotDataLoader.Load(RepoPaths.Dialogs, _content);

        Assert.True(data.Problems.Any(p => p.ToString() == "content/understanding/examples/opt_out.yaml: topic \"opt_out\" has no example questions"), string.Join("\n", data.Problems));
    }

    [Theory]
    [InlineData("---\nquestion: Hỏi?\nanswer_article: khong-co\n---\nĐáp.", "content/faq/thu.md:3:17: answer_article \"khong-co\" does not exist in content/articles")]
    [InlineData("---\nquestion: Hỏi?\nanswer_article: vay-von-nhcsxh\n---\nLãi suất 6,6% một năm.", "content/faq/thu.md:5:10: a number is written directly in the article")]
    [InlineData("---\nquestion: Hỏi?\nanswer_article: vay-von-nhcsxh\n---\nLãi {fact:nhcsxh-lai-suat-ho-can-ngheo}.", "content/faq/thu.md:5:5: fact \"nhcsxh-lai-suat-ho-can-ngheo\" is not confirmed")]
    [InlineData("---\nquestion: Hỏi?\nanswers: vay-von-nhcsxh\n---\nĐáp.", "content/faq/thu.md:3:1: unknown field \"answers\"")]
    [InlineData("---\nanswer_article: vay-von-nhcsxh\n---\nĐáp.", "content/faq/thu.md:2:1: FAQ entry \"thu\" is missing \"question\"")]
    [InlineData("---\nquestion: Hỏi?\nanswer_article: gap-can-bo\n---\n", "content/faq/thu.md:3:17: article \"gap-can-bo\" is about \"handoff\", which topics.yaml does not answer with articles")]
    [InlineData("question: Hỏi?\n", "content/faq/thu.md:1:1: the file must start with a \"---\" line")]
    [InlineData("---\nquestion: Hỏi?\nsubjects: [trẻ dưới 6 tuổi]\nanswer_article: vay-von-nhcsxh\n---\nĐáp.", "content/faq/thu.md:3:11: subject \"trẻ dưới 6 tuổi\" has a number")]
    [InlineData("---\nquestion: Hỏi?\nsubjects: [sắp sinh]\nanswer_article: vay-von-nhcsxh\n---\nĐáp.", "content/faq/thu.md:3:11: subject \"sắp sinh\" reads as «sinh»")]
    [InlineData("---\nquestion: Hỏi?\nages: [60]\nanswer_article: vay-von-nhcsxh\n---\nĐáp.", "content/faq/thu.md:3:7: ages must be two whole numbers of years")]
    [InlineData("---\nquestion: Hỏi?\nages: [75, 60]\nanswer_article: vay-von-nhcsxh\n---\nĐáp.", "content/faq/thu.md:3:7: ages must be two whole numbers of years")]
    [InlineData("---\nquestion: Hỏi?\nfor_household: giau\nanswer_article: vay-von-nhcsxh\n---\nĐáp.", "content/faq/thu.md:3:16: for_household must be poor, near_poor or escaped")]
    [InlineData("---\nquestion: Hỏi?\nfor_household: poor\nanswer_article: vay-von-nhcsxh\n---\nĐáp.", "content/faq/thu.md:4:17: for_household \"poor\" is already the answer of \"ho-ngheo-duoc-huong-gi\"")]
    [InlineData("---\nquestion: Hỏi?\nkeywords: [\"Nhà tôi có bốn người, bố tôi đã già yếu, mẹ tôi đau ốm liên miên, tôi làm thuê ngoài chợ, vợ tôi ở nhà trông con nhỏ, thu nhập mỗi tháng không đủ ăn, xin hỏi nhà tôi có được vay vốn không?\"]\nanswer_article: vay-von-nhcsxh\n---\nĐáp.", "content/faq/thu.md:3:11: the keyword \"Nhà tôi có bốn người, bố tôi đã già yếu,…\" has 44 words, a letter")]
    [InlineData("---\nquestion: Hỏi?\nkeywords: [\"thẻ bhyt hộ cận nghèo, bhyt học sinh, bhyt người già, bhyt trẻ em, bhyt người khuyết tật, bhyt hộ nghèo\"]\nanswer_article: vay-von-nhcsxh\n---\nĐáp.", "content/faq/thu.md:3:11: the keyword \"thẻ bhyt hộ cận nghèo, bhyt học sinh, bh…\" has 39 words, a letter")]
    public void A_broken_faq_entry_is_refused_at_its_line(string text, string problem)
    {
        File.WriteAllText(Path.Combine(_content, "faq", "thu.md"), text);

        var data = BotDataLoader.Load(RepoPaths.Dialogs, _content);

        Assert.True(data.Problems.Any(p => p.ToString().StartsWith(problem, StringComparison.Ordinal)), string.Join("\n", data.Problems));
    }

    [Fact]
    public void An_faq_file_name_that_cannot_travel_in_a_button_is_refused()
    {
        File.WriteAllText(Path.Combine(_content, "faq", "Thẻ BHYT.md"), "---\nquestion: Hỏi?\nanswer_article: bhyt-ho-ngheo\n---\nĐáp.");

        var data = BotDataLoader.Load(RepoPaths.Dialogs, _content);

        Assert.True(data.Problems.Any(p => p.Location.File == "content/faq/Thẻ BHYT.md" && p.Message.Contains("short lower-case ASCII", StringComparison.Ordinal)), string.Join("\n", data.Problems));
    }

    [Theory]
    [InlineData("abbreviations:\n  - { full: \"không\", short: [ko, \"k o\"] }\n", "content/understanding/abbreviations.yaml:2:34: short form \"k o\" must be one word")]
    [InlineData("abbreviations:\n  - { full: \"không\", short: [ko] }\n  - { full: \"có\", short: [kô] }\n", "content/understanding/abbreviations.yaml:3:27: short form \"kô\" is already listed at line 2 for \"khong\"")]
    [InlineData("abbreviations:\n  - { full: \"không\" }\n", "content/understanding/abbreviations.yaml:2:5: abbreviation \"khong\" has no \"short\" forms")]
    public void A_broken_abbreviations_file_is_refused_at_its_line(string yaml, string problem)
    {
        File.WriteAllText(Path.Combine(_content, "understanding", "abbreviations.yaml"), yaml);

        var data = BotDataLoader.Load(RepoPaths.Dialogs, _content);

        Assert.True(data.Problems.Any(p => p.ToString() == problem), string.Join("\n", data.Problems));
    }

    [Theory]
    [InlineData("  - { id: Thoi-Tiet, label: Thời tiết, action: reply, reply: Nắng. }", "\"Thoi-Tiet\" cannot be a topic id")]
    [InlineData("  - { id: unknown, label: Khác, action: reply, reply: Dạ. }", "\"unknown\" cannot be a topic id")]
    [InlineData("  - { id: jobs, label: Việc, action: answer }", "topic \"jobs\" is listed twice")]
    [InlineData("  - { id: housing, label: Nhà, action: build }", "action must be \"answer\", \"dialog\" or \"reply\", not \"build\"")]
    [InlineData("  - { id: thoi_tiet, label: Thời tiết, action: reply, reply: Nắng., refer: dai-khi-tuong }", "topic \"thoi_tiet\": refer \"dai-khi-tuong\" is not a referral in referrals.yaml")]
    public void A_broken_topics_file_is_refused(string line, string problem)
    {
        var path = Path.Combine(_content, "understanding", "topics.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("topics:\n", "topics:\n" + line + "\n", StringComparison.Ordinal));

        var data = BotDataLoader.Load(RepoPaths.Dialogs, _content);

        Assert.True(data.Problems.Any(p => p.Location.File == "content/understanding/topics.yaml" && p.Message.Contains(problem, StringComparison.Ordinal)), string.Join("\n", data.Problems));
    }

    [Fact]
    public void A_topic_naming_a_missing_dialog_or_forgetting_a_topic_is_refused()
    {
        var path = Path.Combine(_content, "understanding", "topics.yaml");
        var text = File.ReadAllText(path).Replace("dialog: bhyt\n", "dialog: bao-hiem\n", StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace("  - id: housing\n    label: \"Nhà ở\"\n    action: answer\n", string.Empty, StringComparison.Ordinal));

        var data = BotDataLoader.Load(RepoPaths.Dialogs, _content);

        Assert.True(data.Problems.Any(p => p.Message == "topic \"health_insurance\": dialog \"bao-hiem\" does not exist" && p.Location.Line > 0), string.Join("\n", data.Problems));
        Assert.True(data.Problems.Any(p => p.Message.StartsWith("topic \"housing\" is missing", StringComparison.Ordinal)), string.Join("\n", data.Problems));
    }

    [Theory]
    [InlineData("bhxh", "not_when_lacking: [lương hưu, hưu trí, nghỉ hưu]", "not_when_lacking: [lương hưu, hưu trí, trợ cấp xã hội]", "not_when_lacking \"trợ cấp xã hội\"")]
    [InlineData("toa-an", "own_names: [tòa án]", "own_names: [tòa án nhân dân]", "own_names \"tòa án nhân dân\"")]
    public void A_lacked_subject_or_own_name_that_is_not_one_of_the_bodys_subjects_is_refused_at_its_line(string body, string written, string changed, string refused)
    {
        var path = Path.Combine(_content, "referrals.yaml");
        var text = File.ReadAllText(path);
        Assert.Contains($"    {written}\n", text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(written, changed, StringComparison.Ordinal));

        var data = BotDataLoader.Load(RepoPaths.Dialogs, _content);

        Assert.True(data.Problems.Any(p => p.Location.File == "content/referrals.yaml" && p.Location.Line > 0
            && p.Message == $"referral \"{body}\": {refused} is not one of its subjects"), string.Join("\n", data.Problems));
    }
}
