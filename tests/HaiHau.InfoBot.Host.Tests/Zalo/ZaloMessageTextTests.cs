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
}
