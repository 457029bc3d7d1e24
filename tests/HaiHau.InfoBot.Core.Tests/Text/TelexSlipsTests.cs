using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Tests.Text;

/// <summary>
/// Replies typed with the Telex keys left in (Replies/replyset3.tsv: a phone keyboard off or slipping) fold to the words
/// meant, so everything that reads folded text reads them; they were asked again.
/// </summary>
public sealed class TelexSlipsTests
{
    [Theory]
    [InlineData("coos", "co")]
    [InlineData("khoong can dau", "khong can dau")]
    [InlineData("ddoongf ys", "dong ys")] // «ys» is too short to tell from a foreign word: left as typed
    [InlineData("vieec lamf", "viec lam")]
    [InlineData("yeen ddinhj", "yen dinh")]
    [InlineData("ddc e", "dc e")]
    [InlineData("vaan", "van")]
    [InlineData("dduwowcj hoox trowj", "duoc ho tro")] // «w» after u, o, a is the key of ư, ơ, ă
    [InlineData("nguwowif giaf", "nguoi gia")]
    [InlineData("nawm nay", "nam nay")]
    public void A_word_typed_with_its_telex_keys_folds_to_the_word_meant(string typed, string folded) =>
        Assert.Equal(folded, VietnameseText.Fold(typed));

    [Theory]
    [InlineData("yes", "yes")]
    [InlineData("bus", "bus")]
    [InlineData("vs", "vs")]
    [InlineData("thanks", "thanks")]
    [InlineData("bhxh", "bhxh")]
    [InlineData("show", "show")]
    [InlineData("wifi", "wifi")]
    [InlineData("xã Hải Tiến", "xa hai tien")]
    public void Words_that_only_look_so_are_left_alone(string word, string folded) =>
        Assert.Equal(folded, VietnameseText.Fold(word));

    [Theory]
    [InlineData("coos", YesNoAnswer.Yes)]
    [InlineData("khoong can dau", YesNoAnswer.No)]
    [InlineData("ddoongf y", YesNoAnswer.Yes)]
    public void A_yes_or_no_typed_with_telex_keys_is_read(string reply, YesNoAnswer expected) =>
        Assert.Equal(expected, VietnameseYesNo.Parse(reply));
}
