using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// A message right after a computed case that changes one of its numbers (issue 12 §3) gets the case computed again
/// with it, the rest as told; read alone, «thế nếu 7 triệu thì sao» got an "I don't know" and the case was lost.
/// </summary>
public sealed class CaseChangeTests
{
    private static readonly ResidentCase FourPeopleFiveMillion = new(4, 5_000_000, false, null, null, null);

    [Theory]
    [InlineData("the neu 7 trieu thi sao", 4, 7_000_000, false)]
    [InlineData("nếu thu nhập 3 triệu rưỡi thì sao", 4, 3_500_000, false)]
    [InlineData("neu nha 6 nguoi thi sao", 6, 5_000_000, false)]
    [InlineData("thế nếu 6 người thì sao", 6, 5_000_000, false)]
    [InlineData("còn nếu mỗi người 1 triệu 2 thì sao", 4, 1_200_000, true)]
    // One more earner, one more child: added to what was told.
    [InlineData("thế nếu thằng út đi làm công ty lương sáu triệu thì sao", 4, 11_000_000, false)]
    [InlineData("có thêm 1 đứa cháu nữa thì sao", 5, 5_000_000, false)]
    [InlineData("sinh thêm đứa nữa thì sao cháu", 5, 5_000_000, false)]
    // «vậy» is no loan, with its marks or (leading, before a number or «nếu») without them.
    [InlineData("vậy 4 triệu rưỡi thì sao", 4, 4_500_000, false)]
    [InlineData("vay neu chi duoc 8 trieu thi sao", 4, 8_000_000, false)]
    // People said to remain, or to make the total.
    [InlineData("con trai ra ở riêng rồi còn 3 người thì sao", 3, 5_000_000, false)]
    [InlineData("à quên, thêm bà nội ở cùng nữa là năm người", 5, 5_000_000, false)]
    // A year's sum with «được», as farmers tell it.
    [InlineData("năm nay mất mùa cả năm được có 48 triệu thì sao", 4, 4_000_000, false)]
    [InlineData("nam nay mat mua ca nam chi duoc 36 trieu thi sao", 4, 3_000_000, false)]
    public void A_number_told_after_the_computation_changes_that_number_of_the_case(string text, int members, decimal income, bool perPerson)
    {
        var changed = CaseChange.Read(text, FourPeopleFiveMillion);

        Assert.NotNull(changed);
        Assert.Equal(members, changed.Case.Members);
        Assert.Equal(income, changed.Case.MonthlyIncome);
        Assert.Equal(perPerson, changed.Case.IncomePerPerson);
    }

    [Theory]
    // A loan, a fee, the BHYT card's price: sums that are not what the household lives on.
    [InlineData("nếu vay 20 triệu thì sao")]
    [InlineData("học phí 2 triệu thì có được miễn không")]
    [InlineData("mua bhyt hết 1 triệu thì sao")]
    [InlineData("vay 20 trieu nuoi lon thi sao")]
    // Whether a sum counts at all is a question about the rules, not a new number.
    [InlineData("lương hưu của ông ở riêng 3 triệu có bị tính vào không")]
    [InlineData("nhà còn nợ ngân hàng 50 triệu thì có được trừ ra không")]
    // Nothing of the case told, or some of the household described rather than its size.
    [InlineData("vậy à, cảm ơn cháu")]
    [InlineData("neu nha co 1 nguoi khuyet tat thi sao a")]
    // A whole letter is a question of its own, not a change of the case.
    [InlineData("cháu ơi bác hỏi thêm, nhà bác có đứa con trai đi làm ở công ty may ngoài tỉnh, mỗi tháng gửi về cho bố mẹ được khoảng 3 triệu, thì có phải tính vào thu nhập của hộ không")]
    public void A_message_that_tells_no_number_of_the_case_changes_nothing(string text)
    {
        Assert.Null(CaseChange.Read(text, FourPeopleFiveMillion));
    }

    [Fact]
    public void Without_a_case_there_is_nothing_to_change()
    {
        Assert.Null(CaseChange.Read("the neu 7 trieu thi sao", ResidentCase.None));
    }

    [Theory]
    [InlineData("5 triệu", 5_000_000)]
    [InlineData("thu nhập cả nhà khoảng 4 triệu rưỡi một tháng", 4_500_000)]
    public void The_income_a_told_size_lacked_completes_the_case(string text, decimal income)
    {
        var changed = CaseChange.Read(text, new ResidentCase(4, null, false, null, null, null));

        Assert.NotNull(changed);
        Assert.Equal((4, income), (changed.Case.Members, changed.Case.MonthlyIncome));
        Assert.Null(changed.AddedIncome);
    }

    [Fact]
    public void A_size_alone_after_a_size_alone_is_a_new_size_still_without_an_income_test()
    {
        var sizeOnly = new ResidentCase(4, null, false, null, null, null);

        var changed = CaseChange.Read("nhà 5 người", sizeOnly);

        Assert.NotNull(changed);
        Assert.Equal(5, changed.Case.Members);
        Assert.False(changed.Case.HasIncomeTest);
        Assert.Null(CaseChange.Read("nhà 4 người", sizeOnly)); // the same size again changes nothing
    }
}
