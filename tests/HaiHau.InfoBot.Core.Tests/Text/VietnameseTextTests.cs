using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Tests.Text;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Bảo hiểm y tế", "bao hiem y te")]
    [InlineData("BẢO HIỂM Y TẾ", "bao hiem y te")]
    [InlineData("Đăng ký  nhận tin!", "dang ky nhan tin")]
    [InlineData("đ Đ", "d d")]
    [InlineData("Hải Châu, TT. Yên Định", "hai chau tt yen dinh")]
    // Decomposed input (combining marks typed separately) folds the same as precomposed.
    [InlineData("Ba\u0309o hie\u0302\u0309m", "bao hiem")]
    public void Folds_case_diacritics_and_punctuation(string text, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(text));

    [Fact]
    public void Clean_removes_control_and_invisible_characters_but_keeps_lines()
    {
        var cleaned = VietnameseText.Clean("  xin\u0000 chào\u200B\u202E  bác \r\n\n dòng hai\t ");
        Assert.Equal("xin chào bác\n\ndòng hai", cleaned.Replace("\r", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Clean_composes_vietnamese_into_nfc() =>
        Assert.Equal("Bảo", VietnameseText.Clean("Ba\u0309o"));

    [Theory]
    [InlineData("🙂🙂", false)]
    [InlineData("...?!", false)]
    [InlineData("ok", true)]
    [InlineData("中文", true)]
    public void Knows_when_a_message_has_words(string text, bool expected) =>
        Assert.Equal(expected, VietnameseText.HasWords(text));
}
