using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Engine;

public sealed class QuestionPartsTests
{
    [Theory]
    [InlineData("ho can ngheo co dc bhyt ko, vay von dc ko", "ho can ngheo co dc bhyt ko|vay von dc ko")]
    [InlineData("bhyt hộ nghèo thế nào? còn vay vốn thì sao", "bhyt hộ nghèo thế nào|còn vay vốn thì sao")]
    [InlineData("bhyt hộ nghèo thế nào còn vay vốn thì sao", "bhyt hộ nghèo thế nào|còn vay vốn thì sao")]
    [InlineData("thu nhập 1.500.000 đồng, 4,5 triệu cả nhà", "thu nhập 1.500.000 đồng|4,5 triệu cả nhà")]
    [InlineData("vay vốn được không???", "vay vốn được không")]
    [InlineData("xin hỏi, con tôi đi học", "xin hỏi|con tôi đi học")] // a bare «con» is never a cut: it may be a child
    public void Cuts_at_question_marks_commas_and_a_new_còn(string text, string expected) =>
        Assert.Equal(expected.Split('|'), QuestionParts.Split(text));

    [Theory]
    [InlineData("thẻ bhyt với vay vốn cho con đi học", "thẻ bhyt|vay vốn cho con đi học")]
    [InlineData("bhyt va vay von", "bhyt|vay von")]
    [InlineData("bảo hiểm y tế", "bảo hiểm y tế")] // nothing to cut
    [InlineData("với vay vốn", "với vay vốn")] // a join needs a subject on each side
    [InlineData("hộ nghèo và cận nghèo vay vốn và học nghề", "hộ nghèo và cận nghèo vay vốn và học nghề")] // two joins: not a plain list of two
    public void A_list_of_two_subjects_is_cut_at_its_one_join(string text, string expected) =>
        Assert.Equal(expected.Split('|'), QuestionParts.SplitAtJoin(text));

    [Theory]
    [InlineData("còn vay vốn thì sao", "vay vốn thì sao")]
    [InlineData("Còn bhyt thì sao", "bhyt thì sao")]
    [InlineData("con vụ vay vốn nuôi lợn", "vụ vay vốn nuôi lợn")]
    [InlineData("con viec hoc nghe thi sao", "viec hoc nghe thi sao")]
    [InlineData("con tôi đi học có được vay không", "con tôi đi học có được vay không")]
    [InlineData("con cái đi học có được miễn học phí không", "con cái đi học có được miễn học phí không")]
    [InlineData("con", "con")]
    [InlineData("thế còn vay vốn", "vay vốn")]
    [InlineData("Vậy còn bhyt thì sao", "bhyt thì sao")]
    [InlineData("the con vu hoc nghe", "vu hoc nghe")]
    [InlineData("thế con tôi có được vay không", "thế con tôi có được vay không")]
    public void An_opening_còn_is_dropped_but_a_child_stays(string text, string expected) =>
        Assert.Equal(expected, QuestionParts.WithoutFollowUpWord(text));
    [Theory]
    [InlineData("vay von dc ko", true)]
    [InlineData("bhyt hộ nghèo thế nào", true)]
    [InlineData("còn vay vốn thì sao ạ", true)]
    [InlineData("có được hỗ trợ không ạ", true)]
    [InlineData("tiền già được bao nhiêu", true)]
    [InlineData("đủ điều kiện chưa?", true)]
    [InlineData("không có việc làm ổn định", false)] // «không» opens a clause: «not»
    [InlineData("chồng tôi mất năm ngoái", false)]
    [InlineData("mẹ không có lương hưu nên khó khăn", false)]
    [InlineData("bà đợi mãi mà chẳng ai báo cho", false)] // «chẳng ai»: nobody
    [InlineData("chả ai nói cho nhà tôi biết", false)]
    public void A_part_asks_with_a_question_word_or_a_closing_không(string part, bool asks) =>
        Assert.Equal(asks, QuestionParts.Asks(part));

    [Fact]
    public void A_story_told_in_clauses_is_answered_as_one_question()
    {
        var bot = new EngineHarness();
        var reply = bot.Send("chồng tôi mất năm ngoái, tôi nuôi hai con nhỏ, không có việc làm ổn định, tôi có được hỗ trợ gì không");

        // «không có việc làm ổn định» was read as a first question: the entry on losing one's job, the real ask as a button.
        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, "faq:me-don-than-nuoi-con"), bot.LastEvents);
        Assert.DoesNotContain(reply.SelectMany(m => m.QuickReplies), q => q.Label.StartsWith("Còn câu hỏi", StringComparison.Ordinal));
    }
}
