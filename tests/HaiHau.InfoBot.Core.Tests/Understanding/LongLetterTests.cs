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
        "Chồng tôi mất sớm, tôi một mình nuôi hai đứa con nhỏ, nhà thuộc diện hộ nghèo. Nếu như vậy thì tôi có được hỗ trợ gì không, thủ tục như thế nào?",
        "faq:me-don-than-nuoi-con")]
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
}
