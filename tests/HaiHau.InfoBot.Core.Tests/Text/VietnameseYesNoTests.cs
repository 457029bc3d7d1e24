using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Tests.Text;

public sealed class VietnameseYesNoTests
{
    [Theory]
    [InlineData("có", YesNoAnswer.Yes)]
    [InlineData("co", YesNoAnswer.Yes)]
    [InlineData("Dạ có", YesNoAnswer.Yes)]
    [InlineData("dạ có ạ", YesNoAnswer.Yes)]
    [InlineData("ừ", YesNoAnswer.Yes)]
    [InlineData("vâng", YesNoAnswer.Yes)]
    [InlineData("OK", YesNoAnswer.Yes)]
    [InlineData("có chứ", YesNoAnswer.Yes)]
    [InlineData("đúng rồi", YesNoAnswer.Yes)]
    [InlineData("có chứ ạ", YesNoAnswer.Yes)]
    [InlineData("có xóa đi", YesNoAnswer.Yes)]
    [InlineData("vâng đúng rồi ạ", YesNoAnswer.Yes)]
    [InlineData("không", YesNoAnswer.No)]
    [InlineData("ko", YesNoAnswer.No)]
    [InlineData("k", YesNoAnswer.No)]
    [InlineData("Không ạ", YesNoAnswer.No)]
    [InlineData("chưa", YesNoAnswer.No)]
    [InlineData("chưa có", YesNoAnswer.No)]
    [InlineData("không có", YesNoAnswer.No)]
    [InlineData("không biết", YesNoAnswer.Unknown)]
    [InlineData("ko ro", YesNoAnswer.Unknown)]
    [InlineData("chưa rõ lắm", YesNoAnswer.Unknown)]
    // What residents really type (issue 12 §5): short forms, southern "hổng", hedges and thumbs.
    [InlineData("dc a", YesNoAnswer.Yes)]
    [InlineData("chắc là có", YesNoAnswer.Yes)]
    [InlineData("👍", YesNoAnswer.Yes)]
    [InlineData("👍👍", YesNoAnswer.Yes)]
    [InlineData("chắc không", YesNoAnswer.No)]
    [InlineData("👎", YesNoAnswer.No)]
    [InlineData("hổng biết", YesNoAnswer.Unknown)]
    [InlineData("ko biết", YesNoAnswer.Unknown)]
    [InlineData("quên rồi", YesNoAnswer.Unknown)]
    [InlineData("chắc chắn", YesNoAnswer.Yes)]
    [InlineData("thôi để lại", YesNoAnswer.No)]
    [InlineData("giữ lại", YesNoAnswer.No)]
    [InlineData("k nhớ", YesNoAnswer.Unknown)]
    public void Understands_yes_no_and_unknown(string text, YesNoAnswer expected) =>
        Assert.Equal(expected, VietnameseYesNo.Parse(text));

    // Replies to the dialogs' yes-or-no questions in the written reply set (Replies/replyset.tsv) that were asked again,
    // or answered with an entry («k can dau» got the entry on where to hand in the request), before they were read.
    [Theory]
    [InlineData("dc chau", YesNoAnswer.Yes)]
    [InlineData("ok cháu", YesNoAnswer.Yes)]
    [InlineData("đồng ý cháu", YesNoAnswer.Yes)]
    [InlineData("dạ vâng được ạ", YesNoAnswer.Yes)]
    [InlineData("chắc có, ở trong tủ", YesNoAnswer.Yes)]
    [InlineData("xoa di", YesNoAnswer.Yes)]
    [InlineData("tinh vao cx dc", YesNoAnswer.Yes)]
    [InlineData("không công bố tên thì được", YesNoAnswer.Yes)]
    [InlineData("thôi được rồi", YesNoAnswer.Yes)]
    [InlineData("k can dau", YesNoAnswer.No)]
    [InlineData("thôi k đâu", YesNoAnswer.No)]
    [InlineData("thôi để lúc khác", YesNoAnswer.No)]
    [InlineData("de sau", YesNoAnswer.No)]
    [InlineData("k, 2 vợ chồng con làm công ty có hợp đồng", YesNoAnswer.No)]
    [InlineData("bấm nhầm", YesNoAnswer.No)]
    [InlineData("tôi k muốn lưu thông tin đâu", YesNoAnswer.No)] // at a consent question: it had opened the erase dialog
    [InlineData("co ma k nho", YesNoAnswer.Unknown)]
    [InlineData("bác không nhớ cháu ạ", YesNoAnswer.Unknown)]
    public void Reads_the_way_people_agree_decline_and_forget(string text, YesNoAnswer expected) =>
        Assert.Equal(expected, VietnameseYesNo.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("bảo hiểm y tế")]
    [InlineData("🙂")]
    [InlineData("hỏi cái khác")]
    // A question back starts like a yes but is none: «có ai không» at the erase question had erased the resident's data.
    [InlineData("có ai không")]
    [InlineData("co ai ko")]
    [InlineData("có phải xóa hết không")]
    [InlineData("đúng không?")]
    [InlineData("có mất gì chưa")]
    // «chắc chắn» alone is a yes; «chắc chắn không» is neither read as one nor as a no.
    [InlineData("chắc chắn không")]
    // A question after a yes-like or a decline-like opening asks something else; indifference is not consent.
    [InlineData("có mất tiền không cháu")]
    [InlineData("thôi cho hỏi vay vốn ở đâu?")]
    [InlineData("sao cũng được")]
    [InlineData("thôi chào nhé")]
    [InlineData("đề nghị xã xét lại")]
    public void Leaves_other_answers_unread(string text) => Assert.Null(VietnameseYesNo.Parse(text));

    [Theory]
    [InlineData("ko biết", true)]
    [InlineData("hổng biết ạ", true)]
    [InlineData("chưa rõ lắm", true)]
    [InlineData("không biết hộ nghèo có được vay vốn không", false)] // a question that opens with «không biết»
    [InlineData("có", false)]
    public void A_short_I_dont_know_is_told_from_a_question_opening_with_it(string text, bool notSure) =>
        Assert.Equal(notSure, VietnameseYesNo.IsNotSure(text));

    // Harder replies (Replies/replyset2.tsv, stop 42): dialect, corrections, a parent's answer passed on, reluctance,
    // rhetorical no's and putting it off. Each was asked again, or read the other way, before.
    [Theory]
    [InlineData("ứ", YesNoAnswer.No)]
    [InlineData("ứ nhắn nhiều bác đọc không nổi đâu", YesNoAnswer.No)]
    [InlineData("ừ", YesNoAnswer.Yes)]
    [InlineData("có... à không, thẻ của bà năm nay làm rồi", YesNoAnswer.No)]
    [InlineData("co... a thoi khong", YesNoAnswer.No)]
    [InlineData("không… à mà có", YesNoAnswer.Yes)]
    [InlineData("ấy chết thế thôi đừng xóa", YesNoAnswer.No)]
    [InlineData("đừng gửi nữa", YesNoAnswer.No)]
    [InlineData("có dùng nước sạch không à? có", YesNoAnswer.Yes)]
    [InlineData("dạ bố em bảo thôi ạ, đt bố em cũng ít khi xem", YesNoAnswer.No)]
    [InlineData("mẹ cháu nói là có", YesNoAnswer.Yes)]
    [InlineData("gửi thì gửi nhưng đừng gửi đêm nhá bác ngủ sớm", YesNoAnswer.Yes)]
    [InlineData("dem thi cu dem, mien la k ghi ten nha bac", YesNoAnswer.Yes)]
    [InlineData("không thì thôi", YesNoAnswer.No)]
    [InlineData("nhà nàm gì có trẻ con", YesNoAnswer.No)]
    [InlineData("lấy đâu ra", YesNoAnswer.No)]
    [InlineData("có đâu", YesNoAnswer.No)]
    [InlineData("có chứ, thằng cả đi phụ hồ có hợp đồng gì đâu", YesNoAnswer.Yes)]
    [InlineData("thì đang nhắn cho cháu đây thì là có chứ gì", YesNoAnswer.Yes)]
    [InlineData("lâu thế thôi để tối bác hỏi", YesNoAnswer.No)]
    [InlineData("bac mat kem go cham lam thoi de khi khac", YesNoAnswer.No)]
    [InlineData("thôi bác không thích người ta biết nhà mình nghèo", YesNoAnswer.No)]
    [InlineData("thoi biet roi, can bo thon noi mai roi", YesNoAnswer.No)]
    [InlineData("thế thôi đủ rồi cháu ạ", YesNoAnswer.No)]
    [InlineData("gửi đi cháu có gì bác còn biết", YesNoAnswer.Yes)]
    [InlineData("xoa het di, bac k dung nua", YesNoAnswer.Yes)]
    [InlineData("cháu cứ tính", YesNoAnswer.Yes)]
    [InlineData("ừ thử xem sao", YesNoAnswer.Yes)]
    [InlineData("xem thu", YesNoAnswer.Yes)]
    // From other hands (Replies/replyset3.tsv): teen code, and the polite replies of people used to offices.
    [InlineData("oki nha", YesNoAnswer.Yes)]
    [InlineData("okela", YesNoAnswer.Yes)]
    [InlineData("hk", YesNoAnswer.No)]
    [InlineData("Dạ, tôi đồng ý, có tin gì cháu cứ báo cho tôi nhé.", YesNoAnswer.Yes)]
    [InlineData("Nếu không công bố tên thì tôi đồng ý ạ.", YesNoAnswer.Yes)]
    [InlineData("Dạ thôi, cái đó tôi nắm rồi ạ, cảm ơn cháu.", YesNoAnswer.No)]
    [InlineData("Dạ chưa có ạ, nhà tôi đang định làm.", YesNoAnswer.No)]
    [InlineData("Toi khong biet ma ho la gi chau a", YesNoAnswer.Unknown)]
    [InlineData("Tôi chưa đo bao giờ nên không rõ ạ.", YesNoAnswer.Unknown)]
    [InlineData("ua xoa het a, thoi dung xoa", YesNoAnswer.No)]
    [InlineData("k bik", YesNoAnswer.Unknown)]
    [InlineData("Dạ.ok", YesNoAnswer.Yes)] // a «dạ» with no space after it: read on, and the reading ends
    [InlineData("dạ dạ dạ", YesNoAnswer.Yes)]
    public void Harder_replies_are_read_the_way_they_are_meant(string reply, YesNoAnswer expected) =>
        Assert.Equal(expected, VietnameseYesNo.Parse(reply));

    // Still not a yes or a no: a question after a lead word, indifference, a daughter-in-law («dâu» folds as «đâu»).
    [Theory]
    [InlineData("có mất phí gì không đấy?")]
    [InlineData("chắc vậy")]
    [InlineData("nhà có con dâu đi làm xa")]
    [InlineData("gửi thì có mất tiền không?")]
    [InlineData("co mat phi ko e")] // «… không em» asks (it was taken as a yes to a consent question)
    [InlineData("uh để xem")] // not decided yet: it had been a yes to being sent the news
    [InlineData("tuỳ e")]
    [InlineData("sao cũng được cháu ạ")]
    public void Harder_replies_that_are_no_answer_stay_unread(string reply) => Assert.Null(VietnameseYesNo.Parse(reply));
}
