using HaiHau.InfoBot.Core.Dialogs;

namespace HaiHau.InfoBot.Core.Tests.Engine;

public sealed class ReadMoreTests
{
    [Fact]
    public void A_short_answer_is_not_cut()
    {
        Assert.Null(ReadMore.Cut(new string('a', ReadMore.Limit)));
    }

    [Fact]
    public void A_long_answer_is_cut_at_a_paragraph_within_the_limit()
    {
        var first = string.Join(' ', Enumerable.Repeat("Bác hỏi tổ trưởng.", 20));
        var text = first + "\n\n" + string.Join(' ', Enumerable.Repeat("Cháu chưa xác nhận được.", 30));

        var at = ReadMore.Cut(text);

        Assert.NotNull(at);
        Assert.Equal(first + "\n\n", text[..at.Value]);
    }

    [Fact]
    public void Without_paragraphs_it_cuts_after_a_sentence_never_inside_a_word()
    {
        var text = string.Join(' ', Enumerable.Repeat("Hộ nghèo được vay vốn ưu đãi.", 40));

        var at = ReadMore.Cut(text)!.Value;

        Assert.InRange(at, ReadMore.Limit / 3, ReadMore.Limit);
        Assert.EndsWith(". ", text[..at], StringComparison.Ordinal);
    }
}
