using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Tests.Listings;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Engine;

/// <summary>
/// A tradesman asks where his trade is wanted: «có chỗ nào cần thợ xây không», «có ai thuê thợ xây không». It searches
/// the open jobs (issue 12 §3) for the trade, as «tuyển thợ xây» does. It got a question back between the poverty topic
/// and other support, or the "I don't know". The messages are written for these tests, not taken from the sets.
/// </summary>
public sealed class TradeWantedSearchTests
{
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

    [Fact]
    public void A_household_needing_a_repair_asks_about_support_not_for_a_job()
    {
        var bot = new EngineHarness(listings: Listings());

        bot.Send("nhà tôi bị dột cần thợ sửa mái xã có hỗ trợ không");

        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject!.StartsWith("listings:", StringComparison.Ordinal));
    }

    private static MemoryListings Listings() => new(
        MemoryListings.Open(ListingKind.Job, "v1", "Bảo vệ kho hàng", "Công ty thủy sản"),
        MemoryListings.Open(ListingKind.Job, "v2", "Thợ xây nhà dân", "Tổ thợ xã Hải Hưng"));
}
