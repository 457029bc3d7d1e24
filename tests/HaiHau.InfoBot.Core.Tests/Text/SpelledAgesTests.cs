using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Text;

/// <summary>
/// Ages said in words, as older residents type or dictate them, are read as the digits they say. The sentences are
/// written for these tests (in the ways the older residents' sets showed), not taken from any set.
/// </summary>
public sealed class SpelledAgesTests
{
    [Theory]
    [InlineData("bà nhà tôi tròn tám mươi tuổi rồi", "bà nhà tôi tròn 80 tuổi rồi")]
    [InlineData("ông sáu mươi tư tuổi vẫn đi làm được", "ông 64 tuổi vẫn đi làm được")]
    [InlineData("năm nay tôi sáu chín tuổi", "năm nay tôi 69 tuổi")]
    [InlineData("lăm nay lăm mươi lăm tuổi", "lăm nay 55 tuổi")] // «năm» said with «l», as many in the region say it
    [InlineData("cụ tám mươi mốt tuổi", "cụ 81 tuổi")]
    [InlineData("cháu nó mười tám tuổi", "cháu nó 18 tuổi")]
    [InlineData("con bé mười tuổi", "con bé 10 tuổi")]
    [InlineData("ba tam muoi hai tuoi", "ba 82 tuoi")] // typed plain: «bà», then the age
    [InlineData("bà bảy lăm tuổi, ông bảy mươi tuổi", "bà 75 tuổi, ông 70 tuổi")]
    [InlineData("con tôi năm tuổi", "con tôi 5 tuổi")]
    public void An_age_said_in_words_is_written_in_digits(string said, string read) =>
        Assert.Equal(read, SpelledAges.InDigits(said));

    [Theory]
    [InlineData("con tôi năm sáu tuổi")] // five or six: a range, not 56
    [InlineData("hai ba tuổi")]
    [InlineData("ông hai mươi mấy tuổi")] // no age said
    [InlineData("bà 80 tuổi")]
    [InlineData("bao nhiêu tuổi thì được")]
    [InlineData("năm nay bà bao nhiêu tuổi")]
    [InlineData("tôi mất việc từ tháng tư")]
    public void Words_that_say_no_single_age_are_left_as_they_are(string said) =>
        Assert.Equal(said, SpelledAges.InDigits(said));

    [Fact]
    public void The_age_said_in_words_is_the_age_the_case_reads()
    {
        Assert.Equal([80], ResidentCase.StatedAges("bà tròn tám mươi tuổi không có lương hưu"));
        Assert.Equal([69], ResidentCase.PersonAges("năm nay tôi sáu chín tuổi nuôi hai đứa cháu"));
        Assert.Empty(ResidentCase.StatedAges("con tôi năm sáu tuổi"));
    }

    [Fact]
    public void A_question_with_the_age_in_words_gets_the_answer_it_gets_with_digits()
    {
        var inWords = new EngineHarness();
        var inDigits = new EngineHarness();

        var said = EngineHarness.Joined(inWords.Send("bà nhà tôi tròn tám mươi tuổi, không có lương hưu, nghe nói được tiền chợ cấp thì làm giấy tờ gì"));
        var typed = EngineHarness.Joined(inDigits.Send("bà nhà tôi tròn 80 tuổi, không có lương hưu, nghe nói được tiền chợ cấp thì làm giấy tờ gì"));

        Assert.Equal(typed, said);
        // The age names the elderly allowance's group: it was only offered beside a referral, «tám mươi» being no age.
        Assert.Contains(inWords.LastEvents, e => e.Kind == Dialogs.EventKinds.QuestionAnswered && e.Subject == "faq:tro-cap-nguoi-cao-tuoi");
    }
}
