using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Listings;

public sealed class ListingSearchTests
{
    private static readonly DateOnly Today = new(2022, 9, 15);

    private static readonly Listing[] All =
    [
        Job("VL-1", "Công nhân may công nghiệp", "hai-thinh", null, deadline: new(2022, 12, 31), posted: new(2022, 9, 1)),
        Job("VL-2", "Thợ hàn tàu cá", "thinh-long", "Cảng cá Thịnh Long", deadline: new(2022, 9, 15), posted: new(2022, 9, 10)),
        Job("VL-3", "Phụ bếp", "thinh-long", null, deadline: new(2022, 9, 14), posted: new(2022, 9, 14)),
        Job("VL-4", "Lắp ráp điện tử", null, "Khu công nghiệp Bảo Minh", deadline: new(2023, 1, 31), posted: new(2022, 9, 5)),
    ];

    [Fact]
    public void Newest_first_and_never_an_expired_one()
    {
        var found = ListingSearch.Find(All, Today);

        Assert.Equal(["VL-2", "VL-4", "VL-1"], found.Select(l => l.Code));
    }

    [Fact]
    public void A_listing_is_open_through_its_deadline_day_and_hidden_the_day_after()
    {
        Assert.Contains(ListingSearch.Find(All, Today), l => l.Code == "VL-2");
        Assert.DoesNotContain(ListingSearch.Find(All, Today.AddDays(1)), l => l.Code == "VL-2");
        Assert.Null(ListingSearch.FindCode(All, Today, "VL-3"));
    }

    [Theory]
    [InlineData("tho han", "VL-2")]
    [InlineData("THỢ HÀN", "VL-2")]
    [InlineData("cong nhan may", "VL-1")]
    [InlineData("tìm việc may", "VL-1")]
    [InlineData("làm công ty may", "VL-1")] // found nothing: «công ty» was searched for too
    [InlineData("bao minh", "VL-4")]
    // When it opens is the asking, not the trade: «khi mở» was searched for too, and nothing found.
    [InlineData("lớp thợ hàn khi nào mở", "VL-2")]
    [InlineData("bao giờ tuyển công nhân may", "VL-1")]
    [InlineData("lap rap dien tu da mo chua", "VL-4")]
    [InlineData("có lớp thợ hàn nào sắp mở không", "VL-2")]
    public void Finds_by_words_with_or_without_diacritics(string words, string code)
    {
        Assert.Equal([code], ListingSearch.Find(All, Today, words).Select(l => l.Code));
    }

    [Fact]
    public void Every_word_must_match()
    {
        Assert.Empty(ListingSearch.Find(All, Today, "may hàn"));
        Assert.Empty(ListingSearch.Find(All, Today, "lái xe"));
    }

    [Fact]
    public void Words_that_are_all_filler_show_everything()
    {
        Assert.Equal(3, ListingSearch.Find(All, Today, "tìm việc làm").Count);
    }

    [Fact]
    public void A_commune_shows_its_own_listings_first_then_those_for_the_whole_district()
    {
        var found = ListingSearch.Find(All, Today, communeCode: "thinh-long");

        Assert.Equal(["VL-2", "VL-4"], found.Select(l => l.Code));
    }

    [Fact]
    public void A_commune_typed_among_the_words_becomes_the_commune_filter()
    {
        var (commune, words) = ListingSearch.SplitCommune(EngineHarness.Repo.Content, "việc ở Hải Châu");

        Assert.Equal("hai-thinh", commune);
        Assert.Equal(["VL-1", "VL-4"], ListingSearch.Find(All, Today, words, commune).Select(l => l.Code));
    }

    [Fact]
    public void Takes_at_most_the_limit()
    {
        Assert.Single(ListingSearch.Find(All, Today, take: 1));
    }

    private static Listing Job(string code, string title, string? commune, string? place, DateOnly deadline, DateOnly posted) =>
        new(ListingKind.Job, code, title, "Nơi tuyển", commune, place, null, deadline, null, "Cán bộ xã", "Tin thử", posted, null);
}
