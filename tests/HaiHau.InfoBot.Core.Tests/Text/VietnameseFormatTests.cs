using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Tests.Text;

public sealed class VietnameseFormatTests
{
    [Theory]
    [InlineData(1_500_000, "1.500.000 đồng")]
    [InlineData(30_000, "30.000 đồng")]
    [InlineData(500, "500 đồng")]
    public void Money_prints_with_dots_between_thousands(long value, string expected) =>
        Assert.Equal(expected, VietnameseFormat.Money(value));

    [Theory]
    [InlineData(1_500_000, "1,5 triệu đồng")]
    [InlineData(100_000_000, "100 triệu đồng")]
    [InlineData(30_000, "30 nghìn đồng")]
    [InlineData(2_000_000_000, "2 tỷ đồng")]
    public void Short_money_uses_words(long value, string expected) =>
        Assert.Equal(expected, VietnameseFormat.MoneyShort(value));

    [Fact]
    public void Percent_and_dates_print_the_vietnamese_way()
    {
        Assert.Equal("6,6%", VietnameseFormat.Percent(6.6m));
        Assert.Equal("9/12/2022", VietnameseFormat.Date(new DateOnly(2022, 12, 9)));
    }

    [Fact]
    public void Durations_are_said_in_vietnamese() =>
        Assert.Equal("1 ngày", VietnameseFormat.Duration(TimeSpan.FromHours(25)));
}
