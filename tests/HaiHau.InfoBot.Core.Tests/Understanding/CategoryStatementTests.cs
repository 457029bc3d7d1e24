using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// A message that only states the household's category gets what that category receives (issue 12 §5). Messages
/// written for these tests, not copied from the answer sets.
/// </summary>
public sealed class CategoryStatementTests
{
    [Theory]
    [InlineData("nha em ho ngheo a", ResidentCase.Poor)]
    [InlineData("Nhà tôi là hộ nghèo.", ResidentCase.Poor)]
    [InlineData("nhà em hộ cận nghèo", ResidentCase.NearPoor)]
    [InlineData("dạ gia đình cháu thuộc diện cận nghèo ạ", ResidentCase.NearPoor)]
    [InlineData("nhà mình mới thoát nghèo năm ngoái", null)]
    [InlineData("nha toi moi thoat ngheo", ResidentCase.Escaped)]
    [InlineData("nhà em hộ nghèo có được vay vốn không", null)]
    [InlineData("hộ nghèo", null)]
    [InlineData("nhà em không phải hộ nghèo", null)]
    [InlineData("nhà tôi có phải hộ nghèo không", null)]
    public void Only_a_message_that_states_the_category_and_nothing_else_is_one(string text, string? category) =>
        Assert.Equal(category, CategoryStatement.Of(text));

    [Theory]
    [InlineData("nha em ho ngheo a", "ho-ngheo-duoc-huong-gi")]
    [InlineData("nhà em hộ cận nghèo", "ho-can-ngheo-duoc-huong-gi")]
    [InlineData("nha toi moi thoat ngheo", "ho-moi-thoat-ngheo-duoc-gi")]
    public void The_category_stated_gets_what_that_category_receives(string text, string entry)
    {
        var bot = new EngineHarness();

        bot.Send(text);

        // «nha em ho ngheo a» got the entry on reporting a wrongly listed household, «nhà em hộ cận nghèo» the one on
        // being taken off the near-poor list.
        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, new AnswerRef(AnswerRef.Faq, entry).Payload), bot.LastEvents);
    }

    [Fact]
    public void The_category_stated_after_a_loan_answer_gets_what_that_category_receives_too()
    {
        var bot = new EngineHarness();
        bot.Start();
        bot.Press("vay-von");
        var answer = EngineHarness.Joined(bot.Send("vay để nuôi gà"));
        Assert.Contains("Bác còn muốn hỏi gì nữa không?", answer, StringComparison.Ordinal);

        var reply = EngineHarness.Joined(bot.Send("nhà em hộ nghèo ạ"));

        Assert.Contains("Người thuộc hộ nghèo được", reply, StringComparison.Ordinal);
        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, new AnswerRef(AnswerRef.Faq, "ho-ngheo-duoc-huong-gi").Payload), bot.LastEvents);
    }
}
