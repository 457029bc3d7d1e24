using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Engine;

/// <summary>A photo, sticker or voice message gets a kind word that the bot reads text only; a caption is read.</summary>
public sealed class NonTextTests
{
    [Fact]
    public void A_sticker_at_a_question_gets_a_kind_word_and_the_question_again()
    {
        var bot = new EngineHarness();
        bot.Start();

        var replies = bot.Send(null, NonTextContent.Payload(NonTextContent.Sticker));

        Assert.Equal(2, replies.Count);
        Assert.Equal("Dạ, cháu chưa xem được nhãn dán bác gửi, cháu chỉ đọc được chữ thôi ạ. Bác gõ câu hỏi bằng chữ giúp cháu nhé.", replies[0].Text);
        Assert.StartsWith("Bác muốn hỏi về việc gì?", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains(bot.LastEvents, e => e.Kind == HaiHau.InfoBot.Core.Dialogs.EventKinds.InputRejected && e.Subject == "non_text");
    }

    [Fact]
    public void A_photo_with_a_caption_is_answered_by_its_caption()
    {
        var bot = new EngineHarness();
        bot.Start();

        var replies = bot.Send("bảo hiểm y tế", NonTextContent.Payload(NonTextContent.Image));

        Assert.Equal("Dạ, cháu chưa xem được ảnh bác gửi, cháu chỉ đọc phần chữ bác viết kèm thôi ạ.", replies[0].Text);
        Assert.StartsWith("Hộ nhà bác đang thuộc diện nào?", replies[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_voice_message_as_the_very_first_message_gets_the_menu()
    {
        var bot = new EngineHarness();

        var replies = bot.Send(null, NonTextContent.Payload(NonTextContent.Audio));

        Assert.StartsWith("Dạ, cháu chưa nghe được tin nhắn thoại bác gửi", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains(replies, r => r.Text.StartsWith("Bác muốn hỏi về việc gì?", StringComparison.Ordinal));
    }
}
