using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Tests.Text;

public sealed class HowToAskTests
{
    [Theory]
    [InlineData("làm sao để hỏi")]
    [InlineData("hỏi thế nào")]
    [InlineData("bà không biết dùng cái này")]
    [InlineData("ba khong biet dung cai nay")]
    [InlineData("tôi không biết dùng điện thoại nhắn tin")]
    [InlineData("hướng dẫn sử dụng")]
    [InlineData("cháu ơi dùng cái này thế nào")]
    [InlineData("tôi không biết hỏi ai")]
    public void Asking_how_to_use_the_assistant_is_read_so(string text) => Assert.True(HowToAsk.Is(text));

    [Theory]
    [InlineData("bị chồng đánh phải làm sao")] // a matter: the domestic-violence entry
    [InlineData("không biết đúng không")] // «đúng» (right) is no «dùng»
    [InlineData("làm sao để nhận")] // «nhận» (receive) is no «nhắn»
    [InlineData("dùng thẻ bảo hiểm thế nào")] // the card is the matter
    [InlineData("tôi không biết")] // nothing used
    [InlineData("hỏi cán bộ")] // a request for an officer, not how to ask
    [InlineData("")]
    public void A_message_that_names_a_matter_or_uses_nothing_is_not(string text) => Assert.False(HowToAsk.Is(text));
}
