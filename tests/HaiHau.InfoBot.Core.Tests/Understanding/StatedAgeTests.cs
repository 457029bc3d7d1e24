using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// An entry for an age group (`ages:` in content/faq: older people, children under six, newborns) is not the answer for
/// someone the question says is of another age. Messages written for these tests, not copied from the answer sets.
/// </summary>
public sealed class StatedAgeTests
{
    private static readonly string[] ElderlyAllowances = ["tro-cap-nguoi-cao-tuoi", "tro-cap-huu-tri-xa-hoi"];

    [Theory]
    [InlineData("bà tôi 80 tuổi rồi", new[] { 80 })]
    [InlineData("trẻ dưới 6 tuổi có được gì", new[] { 5 })]
    [InlineData("nguoi tren 60 tuoi", new[] { 61 })]
    [InlineData("tôi 45 tuổi, mẹ tôi 72 tuổi", new[] { 45, 72 })]
    [InlineData("cháu mới 3 tháng tuổi", new int[0])]
    [InlineData("con sinh năm 2021", new int[0])]
    [InlineData("ba e 76t ko co luong huu", new[] { 76 })]
    [InlineData("con tôi 5t có được thẻ bhyt không", new[] { 5 })]
    [InlineData("bà tôi ngoài 70 tuổi", new[] { 71 })]
    // «ngoại» after «ông», «bà» is the mother's side of the family, not «over».
    [InlineData("ông ngoại 68 tuổi nhà hộ nghèo", new[] { 68 })]
    [InlineData("lương 5t một tháng", new int[0])]
    [InlineData("nhà có 5t thôi", new int[0])]
    [InlineData("con 5t nữa là đủ", new int[0])]
    public void The_ages_a_message_states_are_read_in_years(string text, int[] ages) =>
        Assert.Equal(ages, ResidentCase.StatedAges(text));

    [Fact]
    public void An_old_person_of_the_entry_s_ages_still_gets_it()
    {
        var question = EngineHarness.Repo.Questions.Understand("bà nội tôi năm nay 82 tuổi, không có lương hưu, có được nhận trợ cấp hằng tháng không?");

        Assert.Equal(QuestionDecision.Answer, question.Decision);
        Assert.Contains(question.Best.Answer.Id, ElderlyAllowances);
    }

    [Fact]
    public void Another_topic_s_entry_for_other_ages_does_not_turn_the_answer_into_a_question_back()
    {
        // «e» is «em», which the under-6 card's «trẻ em» has: that entry covered more of the message and made this a
        // question back between two topics, though an 80-year-old is no child.
        var question = EngineHarness.Repo.Questions.Understand("me e 80t chua co tien gia");

        Assert.Equal(QuestionDecision.Answer, question.Decision);
        Assert.Contains(question.Best.Answer.Id, ElderlyAllowances);
    }

    [Theory]
    [InlineData("mẹ tôi 70 tuổi hộ cận nghèo có tiền trợ cấp không")]
    [InlineData("bo toi 72 tuoi nha can ngheo co duoc tro cap khong")]
    public void A_near_poor_old_person_of_the_stated_age_gets_the_elderly_allowance_not_a_question_back(string text)
    {
        // «cận nghèo» is a subject of the near-poor entries: the near-poor electricity entry stood beside the elderly
        // allowance as a question back, though the allowance's answer is the one that says the near-poor get it from 70.
        var question = EngineHarness.Repo.Questions.Understand(text);

        Assert.Equal(QuestionDecision.Answer, question.Decision);
        Assert.Equal("tro-cap-nguoi-cao-tuoi", question.Best.Answer.Id);
    }

    [Fact]
    public void An_old_person_with_a_disability_still_gets_the_entry_for_both()
    {
        var question = EngineHarness.Repo.Questions.Understand("bà tôi 80 tuổi bị khuyết tật có được trợ cấp không");

        Assert.Equal(QuestionDecision.Answer, question.Decision);
        Assert.Equal("tro-cap-khuyet-tat-va-cao-tuoi-cung-luc", question.Best.Answer.Id);
    }

    [Fact]
    public void An_old_person_living_alone_is_not_answered_with_the_orphans_entry()
    {
        // «cháu» here is the bot, whom residents call so; the orphans' entry has «nuôi cháu» among its words.
        var question = EngineHarness.Repo.Questions.Understand("bà năm nay 75 tuổi, ở một mình, có được trợ cấp không cháu");

        Assert.NotEqual("tro-cap-tre-mo-coi", question.Best.Answer.Id);
        Assert.DoesNotContain(question.Suggestions, s => s.Answer.Id == "tro-cap-tre-mo-coi");
    }

    [Fact]
    public void Grandparents_asking_for_their_orphaned_grandchildren_still_get_the_orphans_entry()
    {
        var question = EngineHarness.Repo.Questions.Understand("ông tôi 70 tuổi nuôi 2 đứa cháu mồ côi, các cháu có được trợ cấp không");

        Assert.Equal(QuestionDecision.Answer, question.Decision);
        Assert.Equal("tro-cap-tre-mo-coi", question.Best.Answer.Id);
    }

    [Fact]
    public void An_age_is_not_read_as_the_number_of_times_in_an_entry_s_words()
    {
        // Every number reads as one token, so «học nghề 2 lần» among an entry's words matched «45 tuổi».
        var question = EngineHarness.Repo.Questions.Understand("tôi 45 tuổi muốn học nghề hàn có được hỗ trợ không");

        Assert.NotEqual("hoc-nghe-lan-thu-hai", question.Best.Answer.Id);
    }

    [Theory]
    [InlineData("ba e 76t ko co luong huu", "ba em 0 tuoi")]
    [InlineData("luong 5t mot thang", "luong 0 trieu")]
    [InlineData("nha co 5t", "nha co 0 trieu")]
    public void A_number_typed_with_t_is_an_age_after_kin_and_millions_elsewhere(string text, string normalized)
    {
        Assert.StartsWith(normalized, EngineHarness.Repo.Questions.Normalizer.Normalize(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5 triệu")]
    [InlineData("2tr")]
    [InlineData("3 người")]
    [InlineData("khoảng 800k một tháng")]
    public void An_amount_alone_is_no_question_to_look_up(string text)
    {
        // Every number reads as one token: «5 triệu» found the entry whose words hold a year («xã cũ nhập năm 2024»).
        var question = EngineHarness.Repo.Questions.Understand(text);

        Assert.Equal(QuestionDecision.NotUnderstood, question.Decision);
        Assert.Null(question.Answer);
    }

    [Fact]
    public void A_question_with_an_amount_is_still_read()
    {
        var question = EngineHarness.Repo.Questions.Understand("vay 50 triệu lãi suất bao nhiêu");

        Assert.Equal(AnswerRef.Faq, question.Best.Answer.Kind);
    }

    [Fact]
    public void Plain_words_of_a_message_typed_with_diacritics_are_as_written_so_6_tuoi_gia_dinh_names_no_old_age()
    {
        var normalizer = EngineHarness.Repo.Questions.Normalizer;
        var accented = normalizer.Words("Nay cháu đã 6 tuổi gia đình đưa đi khám");
        var unaccented = normalizer.Words("nay chau da 6 tuoi gia dinh dua di kham");
        var oldAge = normalizer.Words("tuổi già");

        Assert.Equal(-1, Word.IndexOf(accented, oldAge));
        // Typed without any marks, «tuoi gia» may be either: it still matches.
        Assert.True(Word.IndexOf(unaccented, oldAge) >= 0);
    }

    [Fact]
    public void A_message_typed_partly_without_marks_still_names_old_age_in_its_plain_words()
    {
        var normalizer = EngineHarness.Repo.Questions.Normalizer;
        // A third of the words carry marks, but «nguoi» cannot be written so with them: the start was typed plain.
        var mixed = normalizer.Words("tro cap nguoi gia moi thang dc nhiêu tiền rứa");

        Assert.True(Word.IndexOf(mixed, normalizer.Words("người già")) >= 0);
        Assert.Equal("tro-cap-nguoi-cao-tuoi", EngineHarness.Repo.Questions.Understand("tro cap nguoi gia moi thang dc nhiêu tiền rứa").Answer?.Id);
    }

    [Fact]
    public void An_entry_for_another_age_is_not_offered_beside_the_referral_either()
    {
        var question = EngineHarness.Repo.Questions.Understand("cháu tôi 6 tuổi bị mù từ lúc sinh ra, nhà nghèo, xin hỏi cháu có được hưởng trợ cấp gì hằng tháng không ạ?");

        Assert.NotEqual("tro-cap-nguoi-cao-tuoi", question.Best.Answer.Id);
        Assert.DoesNotContain(question.Suggestions, s => s.Answer.Id is "tro-cap-nguoi-cao-tuoi" or "bhyt-tre-em-nho");
    }
}
