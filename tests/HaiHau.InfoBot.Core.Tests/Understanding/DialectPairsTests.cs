using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// The region's l and n (<see cref="DialectPairs"/>): a pair of words the bot's texts hold often, typed with its l and
/// n swapped («nao động», «nương hưu»), is read as the pair; a word alone, a pair the texts also hold swapped, and a pair
/// seen too seldom are left as typed, so the texts the bot learned from read exactly as before.
/// </summary>
public sealed class DialectPairsTests
{
    [Fact]
    public void A_pair_seen_often_is_restored_where_it_was_typed_with_l_and_n_swapped_and_nothing_else_is()
    {
        var texts = Repeat(["di", "xuat", "khau", "lao", "dong"], DialectPairs.MinCount)
            .Concat(Repeat(["nam", "nay"], DialectPairs.MinCount))
            .Concat(Repeat(["lam", "nay"], 1)) // «làm nay» is written too: «lăm nay» cannot be told from it
            .Concat(Repeat(["luong", "huu"], DialectPairs.MinCount - 1)) // seen too seldom to be sure
            .ToList();
        var dialect = DialectPairs.Learn(texts);

        Assert.Equal(["di", "xuat", "khau", "lao", "dong"], Corrected(dialect, "di", "xuat", "khau", "nao", "dong"));
        Assert.Equal(["lam", "nay"], Corrected(dialect, "lam", "nay"));
        Assert.Equal(["nuong", "huu"], Corrected(dialect, "nuong", "huu"));
        Assert.Equal(["nao"], Corrected(dialect, "nao"));
        Assert.All(texts, t => Assert.Equal(t, Corrected(dialect, [.. t])));
    }

    [Theory]
    [InlineData("bà không có nương hưu thì có được trợ cấp gì không", "bà không có lương hưu thì có được trợ cấp gì không")]
    [InlineData("con tôi muốn đi xuất khẩu nao động thì vay ở đâu", "con tôi muốn đi xuất khẩu lao động thì vay ở đâu")]
    [InlineData("vay giải quyết việc nàm thì nãi suất bao nhiêu", "vay giải quyết việc làm thì lãi suất bao nhiêu")]
    // «nên xã» is in an older resident's practice letter, typed as spoken: the voice no longer hides the pair (stop 53).
    [InlineData("thẻ bảo hiểm của bà mất rồi bà phải nên xã hỏi ai", "thẻ bảo hiểm của bà mất rồi bà phải lên xã hỏi ai")]
    public void A_message_voice_typed_in_the_region_s_speech_is_read_as_the_standard_one(string spoken, string standard)
    {
        var questions = EngineHarness.Repo.Questions;

        Assert.Equal(questions.Normalizer.Tokens(standard), questions.Normalizer.Tokens(spoken));
        Assert.Equal(questions.Understand(standard).Best.Answer, questions.Understand(spoken).Best.Answer);
    }

    private static IEnumerable<IReadOnlyList<string>> Repeat(string[] tokens, int times) => Enumerable.Repeat<IReadOnlyList<string>>(tokens, times);

    private static List<string> Corrected(DialectPairs dialect, params string[] tokens)
    {
        var list = tokens.ToList();
        dialect.Correct(list);
        return list;
    }
}
