using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Engine;

/// <summary>
/// Stopping the messages withdraws consent to every announcement and listing news at once, so a sentence read as
/// stopping is acted on only when it says so plainly (<see cref="StopRequest"/>); otherwise the bot asks first.
/// «tôi không biết dùng điện thoại nhắn tin» (I cannot text) had stopped a resident's job news without a word of it.
/// </summary>
public sealed class StopRequestTests
{
    [Fact]
    public void Every_training_example_of_stopping_says_so_plainly()
    {
        var examples = EngineHarness.Repo.Understanding.Examples.Where(e => e.Topic == Topics.OptOut).ToList();

        Assert.NotEmpty(examples);
        Assert.All(examples, e => Assert.True(StopRequest.IsPlain(e.Text), $"{e.Location}: «{e.Text}» would be asked about"));
    }

    [Theory]
    [InlineData("tôi không biết dùng điện thoại nhắn tin")]
    [InlineData("dùng zalo nhắn tin cho cán bộ thế nào")]
    [InlineData("tôi không nhận được tin nhắn thông báo")] // the news did not come: no wish to stop it
    public void Using_the_phone_to_text_or_missing_the_news_is_no_stop(string text) => Assert.False(StopRequest.IsPlain(text));

    // «tôi không biết dùng điện thoại nhắn tin» had been asked so; it asks how to use the assistant (AskingHowToUseTests).
    // The last three, read as questions, got «cháu chưa hiểu» with the scam warning and the orphans' allowance as buttons.
    [Theory]
    [InlineData("gửi tin nhiều quá phiền lắm")]
    [InlineData("tin nhắn nhiều quá bà đọc không hết")]
    [InlineData("bà không xem tin nhắn đâu")]
    [InlineData("ngay nao cung gui tin met qua")]
    public void A_sentence_read_as_stopping_without_saying_so_is_asked_about_and_the_button_stops(string text)
    {
        var bot = new EngineHarness();
        bot.Start();

        var reply = bot.Send(text);

        Assert.Equal(DialogEngine.StopCheck, reply[^1].Text);
        var stop = Assert.Single(reply[^1].QuickReplies, q => q.Label == GlobalCommands.Label(GlobalCommand.OptOut));
        Assert.Contains("cháu dừng", EngineHarness.Joined(bot.Press(stop.Id)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tin nhắn lừa đảo nhiều quá")] // somebody else's messages
    [InlineData("tôi không nhận được tin nhắn nào")] // the news did not come
    [InlineData("bà không biết đọc tin nhắn")] // cannot read: who can help, not stopping
    [InlineData("bà không đọc được tin nhắn vì chữ nhỏ quá")]
    [InlineData("nhà tôi khó khăn nhiều quá")] // no messages named
    public void Other_sentences_about_messages_are_no_complaint(string text) => Assert.False(StopRequest.IsComplaint(text));

    [Theory]
    [InlineData("thoi dung gui thong bao cho toi nua")]
    [InlineData("nhắn nhiều quá không muốn nhận nữa")]
    [InlineData("không cần gửi tin cho tôi")]
    [InlineData("bà không cần tin nhắn nữa")]
    [InlineData("thôi khỏi gửi tin")]
    [InlineData("đừng làm phiền")] // read as a bare «no» (đừng), then asked between stopping and a health-insurance entry
    [InlineData("nhiều tin quá, dừng gửi đi")] // a complaint that says plainly to stop
    public void A_plain_stop_stops_at_once(string text)
    {
        var bot = new EngineHarness();
        bot.Start();

        var reply = EngineHarness.Joined(bot.Send(text));

        Assert.Contains("cháu dừng", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(DialogEngine.StopCheck, reply, StringComparison.Ordinal);
    }
}
