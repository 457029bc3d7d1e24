using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>The ask at the end of a story, which coverage is also measured on (<see cref="QuestionFocus"/>).</summary>
public sealed class QuestionFocusTests
{
    private static readonly QuestionNormalizer Normalizer = EngineHarness.Repo.Questions.Normalizer;

    [Theory]
    // «những» (the plural) folds to «nhưng» (but): «những gì» was taken for the start of the ask, which became «gì»;
    // the whole sentence is the ask
    [InlineData("ho ngheo dc ho tro nhung gi", "ho ngheo duoc ho tro nhung gi")]
    [InlineData("hộ nghèo cần những giấy tờ gì để vay vốn", "ho ngheo can nhung giay to gi de vay von")]
    // «vay» before an amount, «bao nhiêu» or «thêm» is the loan, not «vậy» (so) starting the ask: the ask was «0 triệu
    // không», «thêm được không»
    [InlineData("co the vay 100tr ko", "co vay 0 trieu khong")]
    [InlineData("đang còn nợ có vay thêm được không", "dang con no co vay them duoc khong")]
    // «nhưng» before the ask still starts it
    [InlineData("nhà tôi đã nộp đơn nhưng xã chưa trả lời thì làm sao", "xa chua tra loi thi lam sao")]
    public void The_ask_starts_after_but_not_after_the_plural(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', QuestionFocus.Of(text, Normalizer, [["gi"], ["lam", "sao"], ["khong"]])));

    [Theory]
    // A short last question follows up the one before, which names the subject: alone, «thủ tục hồ sơ như thế nào» was
    // covered by any entry about papers (a household split got the entry on changing schools)
    [InlineData("Con tôi mới lấy vợ. Muốn tách hộ thì cần điều kiện gì? Thủ tục hồ sơ như thế nào?", "muon tach ho thi can dieu kien gi thu tuc ho so nhu the nao")]
    // A long last question is read alone
    [InlineData("Nhà tôi ở Hải Châu. Tôi hỏi về vay vốn? Hộ cận nghèo vay vốn nuôi bò thì thủ tục gồm những giấy tờ gì?", "ho can ngheo vay von nuoi bo thi thu tuc gom nhung giay to gi")]
    public void A_short_last_question_is_read_with_the_one_before(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', QuestionFocus.Of(text, Normalizer, [["gi"], ["nhu", "the", "nao"], ["khong"]])));
}
