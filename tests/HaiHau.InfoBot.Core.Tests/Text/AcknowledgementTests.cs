using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Tests.Text;

public sealed class AcknowledgementTests
{
    [Theory]
    [InlineData("thế à")]
    [InlineData("vậy hả cháu")]
    [InlineData("ừ bà hiểu rồi")]
    [InlineData("bà nghe rồi")]
    [InlineData("thế thì thôi")]
    [InlineData("cháu giỏi quá")]
    [InlineData("ok cháu")]
    [InlineData("dạ vâng, bác biết rồi")]
    [InlineData("bà gửi rồi đấy")]
    [InlineData("bac doc roi")]
    public void A_reply_that_only_takes_in_what_was_said_is_an_acknowledgement(string text) => Assert.True(Acknowledgement.Is(text));

    [Theory]
    [InlineData("thế bao nhiêu tiền")] // a follow-up asks
    [InlineData("được không")]
    [InlineData("gửi được không")] // asks whether it can be sent
    [InlineData("biết ở đâu")]
    [InlineData("vay ha chau")] // plain «vay» may be the loan
    [InlineData("thẻ à")] // and «the» the card
    [InlineData("nhà ở")] // housing, not the particles «nha» and «ờ»
    [InlineData("cảm ơn cháu")] // thanks get their own reply
    [InlineData("ừ thế thì bà hiểu rồi nhưng mà tiền đâu")] // too long, and asks
    [InlineData("")]
    public void A_reply_that_asks_or_names_something_is_not(string text) => Assert.False(Acknowledgement.Is(text));
}
