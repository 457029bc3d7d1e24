using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Tests.Listings;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Engine;

/// <summary>
/// «đăng ký» is said of many things besides the news: «tôi muốn đăng ký học may» opened the news registration, and
/// «đăng ký hộ nghèo ở đâu» got the entry on households living in rented rooms (its «chưa đăng ký cư trú»); it gets where the request
/// for the review goes, and «muốn đăng ký hộ nghèo» how to ask for it.
/// </summary>
public sealed class RegistrationWordsTests
{
    [Theory]
    [InlineData("tôi muốn đăng ký học may")]
    [InlineData("đăng ký học may")]
    public void Registering_to_learn_a_trade_searches_the_courses(string text)
    {
        var bot = new EngineHarness(listings: new MemoryListings(MemoryListings.Open(ListingKind.Course, "k1", "Lớp may công nghiệp", "Trung tâm giáo dục nghề nghiệp")));
        bot.Start();

        var reply = EngineHarness.Joined(bot.Send(text));

        Assert.Contains("Lớp may công nghiệp", reply, StringComparison.Ordinal);
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == "listings:courses");
    }

    [Fact]
    public void Registering_to_learn_a_trade_with_no_course_open_is_told_so_not_the_news_registration()
    {
        var bot = new EngineHarness(listings: new MemoryListings());
        bot.Start();

        var reply = EngineHarness.Joined(bot.Send("tôi muốn đăng ký học may"));

        Assert.Contains("chưa thấy tin lớp học nghề «may»", reply, StringComparison.Ordinal);
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == "listings:courses");
        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.DialogStarted && e.Subject == "dang-ky-nhan-tin");
    }

    [Theory]
    [InlineData("đăng ký hộ nghèo ở đâu", "faq:nop-giay-de-nghi-o-dau")]
    [InlineData("muốn đăng ký hộ nghèo", "faq:xin-xet-ho-ngheo")]
    public void Registering_as_a_poor_household_gets_how_to_ask_for_the_review(string text, string entry)
    {
        var bot = new EngineHarness();
        bot.Start();

        bot.Send(text);

        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == entry);
    }
}
