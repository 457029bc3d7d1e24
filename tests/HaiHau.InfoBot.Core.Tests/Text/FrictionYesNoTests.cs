using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Tests.Text;

/// <summary>The yes/no answers residents really type (issue 12 §5): short forms, southern "hổng", hedges and thumbs.</summary>
public sealed class FrictionYesNoTests
{
    [Theory]
    [InlineData("dc a", YesNoAnswer.Yes)]
    [InlineData("chắc là có", YesNoAnswer.Yes)]
    [InlineData("👍", YesNoAnswer.Yes)]
    [InlineData("👍👍", YesNoAnswer.Yes)]
    [InlineData("chắc không", YesNoAnswer.No)]
    [InlineData("👎", YesNoAnswer.No)]
    [InlineData("hổng biết", YesNoAnswer.Unknown)]
    [InlineData("ko biết", YesNoAnswer.Unknown)]
    public void Reads_the_answers_residents_type(string text, YesNoAnswer expected) =>
        Assert.Equal(expected, VietnameseYesNo.Parse(text));
}
