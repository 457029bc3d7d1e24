using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Tests.Text;

public sealed class ChoiceMatcherTests
{
    private static readonly (string Id, string Label)[] Menu =
    [
        ("ho-ngheo", "Tôi có thuộc hộ nghèo không?"),
        ("bhyt", "Bảo hiểm y tế"),
        ("vay-von", "Vay vốn ưu đãi"),
        ("hoc-nghe", "Học nghề"),
        ("viec-lam", "Việc làm"),
    ];

    [Theory]
    [InlineData(null, "bhyt", 1)]
    [InlineData("2", null, 1)]
    [InlineData("số 3", null, 2)]
    [InlineData("chon 4", null, 3)]
    [InlineData("Bảo hiểm y tế", null, 1)]
    [InlineData("bao hiem y te", null, 1)]
    [InlineData("bảo hiểm", null, 1)]
    [InlineData("vay von", null, 2)]
    [InlineData("hoc nghe", null, 3)]
    [InlineData("BHYT", null, 1)]
    [InlineData("việc làm", null, 4)]
    public void Finds_the_choice_by_button_number_or_words(string? text, string? payload, int expected) =>
        Assert.Equal(expected, ChoiceMatcher.Match(Menu, text, payload));

    [Theory]
    [InlineData("9", null)]
    [InlineData("0", null)]
    [InlineData("🙂", null)]
    [InlineData("thời tiết hôm nay", null)]
    [InlineData(null, "khong-co-nut-nay")]
    public void Finds_nothing_when_nothing_fits(string? text, string? payload) =>
        Assert.Null(ChoiceMatcher.Match(Menu, text, payload));

    [Fact]
    public void A_stale_button_falls_back_to_its_text() =>
        Assert.Equal(2, ChoiceMatcher.Match(Menu, "vay vốn", "nut-cu"));

    [Fact]
    public void Two_equally_good_choices_are_not_guessed()
    {
        (string, string)[] choices = [("a", "Hộ nghèo"), ("b", "Hộ cận nghèo")];
        Assert.Null(ChoiceMatcher.Match(choices, "hộ", null));
        Assert.Equal(1, ChoiceMatcher.Match(choices, "can ngheo", null));
    }

    [Theory]
    [InlineData("nha em ho can ngheo", 1)]
    [InlineData("nhà tôi là hộ nghèo ạ", 0)]
    [InlineData("dạ hộ cận nghèo cháu ơi", 1)]
    public void A_label_said_whole_inside_a_longer_answer_is_that_choice(string text, int expected)
    {
        (string, string)[] choices = [("a", "Hộ nghèo"), ("b", "Hộ cận nghèo"), ("c", "Chưa rõ / diện khác")];
        Assert.Equal(expected, ChoiceMatcher.Match(choices, text, null));
    }
}
