using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Tests.Text;

public sealed class VietnameseNumberTests
{
    [Theory]
    [InlineData("1500000", 1_500_000)]
    [InlineData("1.500.000", 1_500_000)]
    [InlineData("1,500,000", 1_500_000)]
    [InlineData("1,5 triệu", 1_500_000)]
    [InlineData("1.5 triệu", 1_500_000)]
    [InlineData("1,5tr", 1_500_000)]
    [InlineData("1tr5", 1_500_000)]
    [InlineData("1tr500", 1_500_000)]
    [InlineData("1 triệu 2", 1_200_000)]
    [InlineData("3 triệu 1 tháng", 3_000_000)] // «1 tháng» is the period, not «3 triệu 1» (3.100.000)
    [InlineData("3 trieu 1 thang", 3_000_000)]
    [InlineData("1 triệu 1 người", 1_000_000)]
    [InlineData("24 triệu 1 năm", 24_000_000)]
    [InlineData("1 triệu 25", 1_250_000)]
    [InlineData("1 triệu 200", 1_200_000)]
    [InlineData("1 triệu 200 nghìn", 1_200_000)]
    [InlineData("2 triệu rưỡi", 2_500_000)]
    [InlineData("2 trieu ruoi", 2_500_000)]
    [InlineData("800k", 800_000)]
    [InlineData("800 nghìn", 800_000)]
    [InlineData("800 ngàn", 800_000)]
    [InlineData("một triệu hai", 1_200_000)]
    [InlineData("mot trieu hai", 1_200_000)]
    [InlineData("hai triệu", 2_000_000)]
    [InlineData("năm trăm nghìn", 500_000)]
    [InlineData("một trăm năm mươi nghìn", 150_000)]
    [InlineData("hai triệu năm trăm nghìn", 2_500_000)]
    [InlineData("mười lăm", 15)]
    [InlineData("hai mươi mốt", 21)]
    [InlineData("khoảng 3 triệu đồng một tháng", 3_000_000)]
    [InlineData("tầm 3tr", 3_000_000)]
    [InlineData("nhà cháu 4 người ạ", 4)]
    [InlineData("4", 4)]
    [InlineData("bốn", 4)]
    [InlineData("năm", 5)]
    [InlineData("không", 0)]
    [InlineData("không có", 0)]
    [InlineData("3trđ", 3_000_000)]
    [InlineData("1 tỷ", 1_000_000_000)]
    [InlineData("0", 0)]
    public void Reads_amounts_the_way_residents_write_them(string text, long expected) =>
        Assert.Equal(expected, VietnameseNumber.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("không biết")]
    [InlineData("ko ro")]
    [InlineData("chưa biết nữa")]
    [InlineData("triệu")]
    [InlineData("nhiều lắm")]
    [InlineData("4 5")]
    [InlineData("1.2.3")]
    [InlineData("🙂")]
    [InlineData(null)]
    public void Says_nothing_when_there_is_no_single_clear_number(string? text) =>
        Assert.Null(VietnameseNumber.Parse(text));
}
