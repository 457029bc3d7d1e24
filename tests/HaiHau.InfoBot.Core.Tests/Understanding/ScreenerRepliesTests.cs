using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// The estimate's size and income questions answered the way residents tell them (Replies/replyset.tsv): each of these
/// was asked again before.
/// </summary>
public sealed class ScreenerRepliesTests
{
    private static EngineHarness AtTheSize()
    {
        var bot = new EngineHarness();
        bot.Start();
        bot.Press("ho-ngheo");
        bot.Press("uoc-tinh");
        bot.Send("hai an");
        return bot;
    }

    private static string Kept(EngineHarness bot, string var) => bot.State.Stack[^1].Vars[var];

    [Theory]
    [InlineData("2 ông bà với 2 đứa cháu", "4")]
    [InlineData("có mình tôi thôi", "1")]
    public void The_household_told_by_who_lives_in_it_is_its_size(string reply, string size)
    {
        var bot = AtTheSize();

        var text = EngineHarness.Joined(bot.Send(reply));

        Assert.Equal(size, Kept(bot, "so_nguoi"));
        Assert.Contains("Về thu nhập", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_gives_its_middle_and_says_so()
    {
        var bot = AtTheSize();
        bot.Send("4");
        bot.Press("ca-ho");

        var text = EngineHarness.Joined(bot.Send("khoang 7 8 trieu"));

        Assert.Equal("7500000", Kept(bot, "thu_nhap_ho"));
        Assert.Contains("bác nói khoảng 7.000.000 đến 8.000.000 đồng, cháu lấy số ở giữa: 7.500.000 đồng", text, StringComparison.Ordinal);
        Assert.Contains("Câu 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_s_sum_at_the_income_question_is_a_twelfth_a_month()
    {
        var bot = AtTheSize();
        bot.Send("4");
        bot.Press("ca-ho");

        bot.Send("cả năm lúa với tiền con gửi được chừng 60 triệu");

        Assert.Equal("5000000", Kept(bot, "thu_nhap_ho"));
    }

    [Fact]
    public void The_household_s_sum_told_at_the_per_person_question_is_shared_out()
    {
        var bot = AtTheSize();
        bot.Send("4");
        bot.Press("moi-nguoi");

        bot.Send("cả nhà 4 người tháng được 6 triệu");

        Assert.Equal("1500000", Kept(bot, "thu_nhap_nguoi"));
    }

    [Theory]
    [InlineData("khoang 7 8 trieu", 7_000_000, 8_000_000)]
    [InlineData("tầm 3-4tr", 3_000_000, 4_000_000)]
    [InlineData("3 đến 4 triệu một tháng", 3_000_000, 4_000_000)]
    public void A_range_of_amounts_is_read_with_the_unit_said_once(string text, long low, long high)
    {
        Assert.Equal((low, high), VietnameseNumber.ParseRange(text));
    }

    [Theory]
    [InlineData("2 10 triệu")] // too far apart to take a middle
    [InlineData("7 triệu")]
    [InlineData("nhà 4 người 6 triệu")]
    public void What_is_no_range_is_not_read_as_one(string text)
    {
        Assert.Null(VietnameseNumber.ParseRange(text));
    }

    [Fact]
    public void A_yearly_sum_is_an_income_only_where_income_is_asked_or_said()
    {
        Assert.Null(ResidentCase.Read("con học cấp 3, mỗi năm học phí 3 triệu").MonthlyIncome);
        Assert.Equal(250_000, ResidentCase.Read("con học cấp 3, mỗi năm học phí 3 triệu", incomeAsked: true).MonthlyIncome);
    }
}
