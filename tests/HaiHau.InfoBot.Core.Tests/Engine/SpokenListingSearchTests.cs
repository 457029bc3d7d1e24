using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Tests.Listings;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Engine;

/// <summary>
/// Older residents ask for a job or a class after telling who it is for, in more words than a chat line (17 to 32), and
/// some say «nớp» for «lớp», «nàm» for «làm». Such a message searched nothing: it was a question, referred to the xã with
/// entries as buttons. It now searches the listings when it asks for a job or a class in so many words, with only the
/// words an open listing's title holds. A tradesman asks where his trade is wanted («có chỗ nào cần thợ xây không», «có
/// ai thuê thợ xây không»): that searches the open jobs for the trade too, as «tuyển thợ xây» does; it got a question back
/// between the poverty topic and other support, or the "I don't know". The messages are written for these tests, not
/// taken from the sets.
/// </summary>
public sealed class SpokenListingSearchTests
{
    [Theory]
    [InlineData("cháu ơi con trai bác năm nay ba mươi tuổi ở nhà không có việc gì nàm cả ở xã mình có chỗ nào tuyển người nàm bảo vệ không cháu", "listings:jobs", "Bảo vệ kho hàng")]
    [InlineData("bác năm nay năm mươi tuổi rồi mà vẫn còn khỏe lắm muốn đi học thêm cái nghề may để kiếm tiền thì có nớp nào đang mở không cháu", "listings:courses", "Lớp may công nghiệp")]
    // «có chỗ nào người ta nhận không»: a place that takes on workers, asked the way older residents ask it.
    [InlineData("chú ơi tôi năm nay sáu mươi mốt tuổi còn khỏe, làm được bảo vệ gần nhà thì có chỗ nào người ta nhận không chú", "listings:jobs", "Bảo vệ kho hàng")]
    public void A_long_spoken_search_finds_the_listing_it_names(string message, string answered, string title)
    {
        var bot = new EngineHarness(listings: Listings());

        var reply = EngineHarness.Joined(bot.Send(message));

        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, answered), bot.LastEvents);
        Assert.Contains(title, reply, StringComparison.Ordinal);
    }

    [Fact]
    public void The_story_is_not_searched_for()
    {
        var bot = new EngineHarness(listings: Listings());

        // No open job is «khỏe» or «nhẹ»: the words of the story are left out, and the open jobs are shown.
        var reply = EngineHarness.Joined(bot.Send("ông năm nay sáu mươi tư tuổi nhưng vẫn còn khỏe làm được việc nhẹ nhàng, ở gần nhà có chỗ nào tuyển người không cháu"));

        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, "listings:jobs"), bot.LastEvents);
        Assert.Contains("Bảo vệ kho hàng", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("khỏe", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("có chỗ nào cần thợ xây không")]
    [InlineData("co cho nao can tho xay ko")]
    [InlineData("có ai thuê thợ xây không")]
    public void Asking_where_a_trade_is_wanted_finds_the_open_job_for_it(string message)
    {
        var bot = new EngineHarness(listings: Listings());

        var reply = EngineHarness.Joined(bot.Send(message));

        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, "listings:jobs"), bot.LastEvents);
        Assert.Contains("Thợ xây nhà dân", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Bảo vệ kho hàng", reply, StringComparison.Ordinal);
    }

    [Theory]
    // A trade wished for, with no ask for a job or a class: the training support is asked about, not searched.
    [InlineData("con tôi năm nay mười tám tuổi bỏ học ở nhà muốn học nghề may thì nhà nước có hỗ trợ tiền ăn tiền đi lại gì không")]
    // A household needing a repair asks about support, not for a job.
    [InlineData("nhà tôi bị dột cần thợ sửa mái xã có hỗ trợ không")]
    public void A_message_that_does_not_ask_for_a_job_or_a_class_is_a_question(string message)
    {
        var bot = new EngineHarness(listings: Listings());

        bot.Send(message);

        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject!.StartsWith("listings:", StringComparison.Ordinal));
    }

    private static MemoryListings Listings() => new(
        MemoryListings.Open(ListingKind.Course, "k1", "Lớp may công nghiệp", "Trung tâm giáo dục nghề nghiệp"),
        MemoryListings.Open(ListingKind.Job, "v1", "Bảo vệ kho hàng", "Công ty thủy sản"),
        MemoryListings.Open(ListingKind.Job, "v2", "Thợ xây nhà dân", "Tổ thợ xã Hải Hưng"));
}
