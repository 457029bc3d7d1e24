using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Host.Tests.Zalo;

/// <summary>Zalo text has no buttons: choices become numbers, commands become words to type.</summary>
public sealed class ZaloMessageTextTests
{
    [Fact]
    public void Choices_of_a_question_are_numbered_under_the_text()
    {
        var text = ZaloMessageText.Render(new OutboundMessage("Bác có thẻ chưa?", [new("yes", "Có"), new("no", "Không")]));

        Assert.Equal("Bác có thẻ chưa?\n  1. Có\n  2. Không", text);
    }

    [Fact]
    public void Command_buttons_become_words_to_type()
    {
        var text = ZaloMessageText.Render(new OutboundMessage("Dạ, cháu đã dừng.", [new("menu", "Về menu chính"), new("handoff", "Gặp cán bộ")]));

        Assert.Equal("Dạ, cháu đã dừng.\n\nBác gõ «menu» để về menu chính, hoặc «gặp cán bộ» để được cán bộ giúp nhé.", text);
    }

    [Fact]
    public void A_single_command_reads_as_one_clause_and_plain_text_stays_as_it_is()
    {
        Assert.Equal("Xong.\n\nBác gõ «menu» để về menu chính nhé.", ZaloMessageText.Render(new OutboundMessage("Xong.", [new("menu", "Về menu chính")])));
        Assert.Equal("Xong.", ZaloMessageText.Render(OutboundMessage.Plain("Xong.")));
    }

    [Fact]
    public void Sentences_that_say_press_a_button_ask_for_the_number_instead()
    {
        var menu = ZaloMessageText.Render(new OutboundMessage("Bác muốn hỏi về việc gì? Bác bấm một nút, hoặc gõ số thứ tự.", [new("bhyt", "Bảo hiểm y tế"), new("vay-von", "Vay vốn ưu đãi")]));
        var retry = ZaloMessageText.Render(new OutboundMessage("Cháu chưa rõ bác chọn mục nào. Bác bấm một nút bên dưới, hoặc gõ số từ 1 đến 8 giúp cháu nhé.", [new("bhyt", "Bảo hiểm y tế")]));
        var stopped = ZaloMessageText.Render(new OutboundMessage("Dạ, cháu đã dừng phần đang hỏi. Khi cần, bác bấm «Về menu chính» hoặc gõ «menu» nhé.", [new("menu", "Về menu chính")]));
        var listing = ZaloMessageText.Render(new OutboundMessage("Các việc làm mới nhất còn hạn nộp hồ sơ. Bác bấm vào việc muốn xem kỹ:", [new("j1", "Thợ may"), new("j2", "Công nhân")]));

        Assert.Equal("Bác muốn hỏi về việc gì? Bác gõ số thứ tự của mục bác chọn.\n  1. Bảo hiểm y tế\n  2. Vay vốn ưu đãi", menu);
        Assert.StartsWith("Cháu chưa rõ bác chọn mục nào. Bác gõ số từ 1 đến 8 giúp cháu nhé.", retry, StringComparison.Ordinal);
        Assert.StartsWith("Dạ, cháu đã dừng phần đang hỏi. Khi cần, bác gõ «menu» nhé.", stopped, StringComparison.Ordinal);
        Assert.StartsWith("Các việc làm mới nhất còn hạn nộp hồ sơ. Bác gõ số thứ tự của việc muốn xem kỹ:", listing, StringComparison.Ordinal);
        Assert.DoesNotContain("bấm", menu + retry + stopped + listing, StringComparison.Ordinal);
    }

    [Fact]
    public void The_share_phone_choice_is_left_to_zalos_own_card()
    {
        var text = ZaloMessageText.Render(new OutboundMessage("Bác chia sẻ số điện thoại nhé?", [new("share_contact", "Chia sẻ số điện thoại")]));

        Assert.Equal("Bác chia sẻ số điện thoại nhé?", text);
    }
}
