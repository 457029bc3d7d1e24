using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// Letters written for these tests (not copied from the answer sets), in the way residents write: the family's story
/// first, then the ask wrapped in grammar («nếu như vậy thì», «thủ tục như thế nào»). The grammar names no subject, so
/// it must not keep the entry that answers the ask from being given; a letter about something no entry covers is
/// still referred (issue 12).
/// </summary>
public sealed class LongLetterTests
{
    [Theory]
    [InlineData(
        "Nhà tôi thuộc hộ cận nghèo, con gái tôi năm nay thi đỗ vào một trường cao đẳng ở Hà Nội. Nếu như vậy thì cháu có được vay vốn đi học không? Nếu được thì thủ tục vay như thế nào?",
        "faq:vay-cho-con-di-hoc")]
    public void A_long_letter_whose_question_an_entry_answers_is_answered(string letter, string answer)
    {
        var question = EngineHarness.Repo.Questions.Understand(letter);

        Assert.Equal(QuestionDecision.Answer, question.Decision);
        Assert.Equal(answer, question.Answer?.Payload);
        Assert.False(question.WeakAnswer);
    }

    /// <summary>A single mother's letter whose entry lacks the ask's grammar and has the older person's entry close behind.</summary>
    private const string SingleMotherLetter = "Chồng tôi mất sớm, tôi một mình nuôi hai đứa con nhỏ, mẹ chồng già yếu sống một mình ở quê không ai nuôi, nhà thuộc diện hộ nghèo. Nếu như vậy thì tôi có được hỗ trợ gì không, thủ tục như thế nào?";

    [Fact]
    public void Without_the_entry_model_s_lead_a_letter_its_entry_covers_only_in_part_gets_that_entry_as_the_first_button()
    {
        // A letter (more than LetterWords words) must be covered more than a chat message (MinLetterCoverage, chosen on
        // the sets' letters): this one's entry lacks «thủ tục», «như thế nào», and the mother-in-law living alone brings
        // the older person's entry close behind (no far lead), so the search alone offers it, not asserts it.
        var understanding = EngineHarness.UnderstandingWith(new QuestionUnderstanding.Thresholds(ModelLeads: 2));

        var question = understanding.Understand(SingleMotherLetter);

        Assert.True(understanding.IsLetter(SingleMotherLetter));
        Assert.True(question.WeakAnswer);
        Assert.Equal("faq:me-don-than-nuoi-con", question.Suggestions[0].Answer.Payload);
        Assert.InRange(question.Suggestions[0].Coverage, QuestionUnderstanding.DefaultMinCoverage, QuestionUnderstanding.DefaultMinLetterCoverage);
    }

    [Fact]
    public void The_entry_model_sure_of_that_letter_s_entry_answers_it()
    {
        // The entry model, learned from letters written for each entry, reads the single mother's ask through her story:
        // sure enough (Thresholds.ModelLeads) of the entry the search ranks first, it is given.
        var understanding = EngineHarness.Repo.Questions;
        var reading = understanding.ModelReading(SingleMotherLetter, 1);

        var question = understanding.Understand(SingleMotherLetter);

        Assert.Equal("faq:me-don-than-nuoi-con", reading[0].Answer.Payload);
        Assert.True(reading[0].Probability >= QuestionUnderstanding.DefaultModelLeads);
        Assert.Equal(QuestionDecision.Answer, question.Decision);
        Assert.Equal("faq:me-don-than-nuoi-con", question.Answer?.Payload);
        Assert.False(question.WeakAnswer);
    }

    [Theory]
    [InlineData("Tôi mua lại chiếc xe máy cũ của người quen trong xóm nhưng chưa sang tên. Nay tôi muốn làm thủ tục sang tên đổi chủ thì cần những giấy tờ gì và làm ở đâu?")]
    [InlineData("Vợ chồng tôi kết hôn đã mười năm, nay mâu thuẫn không thể hàn gắn. Tôi muốn ly hôn đơn phương thì nộp đơn ở đâu, án phí bao nhiêu?")]
    public void A_letter_about_something_no_entry_covers_is_still_referred(string letter)
    {
        var question = EngineHarness.Repo.Questions.Understand(letter);

        Assert.Equal(QuestionDecision.NotUnderstood, question.Decision);
        Assert.Null(question.Answer);
        Assert.NotNull(question.Referral);
    }

    /// <summary>A household's story, then the ask: the five-year entry is the letter's subject, whatever the story says.</summary>
    private const string FiveYearsLetter = "Nhà tôi bán cả đôi bò, cầm cả sổ đỏ để lo cho mẹ đi viện, tôi thì đi cấy thuê, làm cỏ thuê cho hàng xóm. Cả nhà đóng bảo hiểm y tế liên tục từ năm 2019 đến nay. Nghe nói đủ 5 năm liên tục thì được miễn cùng chi trả, vậy thủ tục thế nào?";

    [Fact]
    public void A_letter_whose_story_dilutes_its_entry_is_answered_when_no_other_entry_comes_close()
    {
        var understanding = EngineHarness.Repo.Questions;
        var first = understanding.Explain(FiveYearsLetter, 2).Candidates;

        var question = understanding.Understand(FiveYearsLetter);

        // The story's words keep the entry's coverage under the letters' threshold; the next entry scores under
        // LetterLead of it, so nothing rivals it and it is given.
        Assert.Equal("faq:bhyt-nam-nam-lien-tuc", first[0].Answer.ToString());
        Assert.InRange(first[0].Coverage, QuestionUnderstanding.DefaultMinLeadingLetterCoverage, QuestionUnderstanding.DefaultMinLetterCoverage);
        Assert.True(first[1].Score < QuestionUnderstanding.DefaultLetterLead * first[0].Score);
        Assert.Equal(QuestionDecision.Answer, question.Decision);
        Assert.Equal("faq:bhyt-nam-nam-lien-tuc", question.Answer?.ToString());
        Assert.False(question.WeakAnswer);
    }

    [Fact]
    public void The_same_letter_with_a_rival_entry_close_behind_is_referred_with_both_as_buttons()
    {
        // Chronic kidney treatment brings the long-treatment entry within LetterLead of the five-year one: the search cannot
        // tell which the family needs, so (the entry model's lead switched off) it says so and offers both.
        const string letter = "Chồng tôi bị bệnh thận mấy năm nay, tháng nào cũng phải lên tỉnh chạy thận nhân tạo, điều trị dài ngày, nhà tôi bán cả đôi bò, cầm cả sổ đỏ để lo thuốc men, tôi thì đi cấy thuê, làm cỏ thuê cho hàng xóm. Cả nhà đóng bảo hiểm y tế liên tục từ năm 2019 đến nay. Nghe nói đủ 5 năm liên tục thì được miễn cùng chi trả, vậy thủ tục thế nào?";
        var understanding = EngineHarness.UnderstandingWith(new QuestionUnderstanding.Thresholds(ModelLeads: 2));
        var first = understanding.Explain(letter, 2).Candidates;

        var question = understanding.Understand(letter);

        Assert.True(first[1].Score >= QuestionUnderstanding.DefaultLetterLead * first[0].Score);
        Assert.True(question.WeakAnswer);
        Assert.Null(question.Answer);
        Assert.Contains("faq:bhyt-nam-nam-lien-tuc", question.Suggestions.Select(s => s.Answer.ToString()));
        Assert.Contains("faq:bhyt-benh-nang-dieu-tri-dai-ngay", question.Suggestions.Select(s => s.Answer.ToString()));
    }

    [Fact]
    public void Without_the_lead_rule_the_diluted_letter_would_be_referred()
    {
        // The rule, not a change of ranking, gives the answer: switched off (LetterLead 0, and the entry model's lead with
        // it) the same engine refers it.
        var without = EngineHarness.UnderstandingWith(new QuestionUnderstanding.Thresholds(LetterLead: 0, ModelLeads: 2));

        var question = without.Understand(FiveYearsLetter);

        Assert.True(question.WeakAnswer);
        Assert.Equal("faq:bhyt-nam-nam-lien-tuc", question.Suggestions[0].Answer.ToString());
    }
}
