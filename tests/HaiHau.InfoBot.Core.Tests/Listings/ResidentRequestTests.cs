using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Core.Tests.Listings;

/// <summary>Subscriptions and course leads are stored with the turn that asked for them, and erased with the resident's data.</summary>
public sealed class ResidentRequestTests
{
    [Fact]
    public async Task A_news_subscription_is_stored_once_with_the_commune_and_updated_when_asked_again()
    {
        using var store = new StoreHarness();
        await Subscribe(store, "Hải Châu");
        await Subscribe(store, "TT Yên Định");

        await using var db = await store.Factory.CreateDbContextAsync();
        var subscription = await db.NewsSubscriptions.Include(s => s.Conversation).SingleAsync();
        Assert.Equal("jobs", subscription.Kind);
        Assert.Equal("hai-hau", subscription.CommuneCode);
        Assert.Equal("c1", subscription.Conversation!.ChatId);
    }

    [Fact]
    public async Task Saying_no_to_the_explanation_stores_nothing()
    {
        using var store = new StoreHarness();
        await store.TurnAsync(null, isStart: true);
        await store.TurnAsync(null, "viec-lam");
        await store.TurnAsync(null, "nhan-tin");
        await store.TurnAsync("Hải Châu");
        var replies = await store.TurnAsync(null, "no");

        Assert.Contains(replies, r => r.Text.Contains("cháu không lưu gì cả", StringComparison.Ordinal));
        await using var db = await store.Factory.CreateDbContextAsync();
        Assert.False(await db.NewsSubscriptions.AnyAsync());
    }

    [Fact]
    public async Task A_course_lead_keeps_the_course_and_the_moment_of_consent()
    {
        using var store = new StoreHarness();
        await store.ImportAsync(Core.Listings.ListingKind.Course, "content/samples/courses.csv");
        await RegisterInterest(store, "MAU-KH-001");

        await using var db = await store.Factory.CreateDbContextAsync();
        var lead = await db.CourseLeads.SingleAsync();
        Assert.Equal("MAU-KH-001", lead.CourseCode);
        Assert.Equal(store.Time.GetUtcNow(), lead.ConsentedAt);
    }

    [Fact]
    public async Task Erasing_my_data_deletes_my_subscriptions_and_leads_but_not_other_residents()
    {
        using var store = new StoreHarness();
        await store.ImportAsync(Core.Listings.ListingKind.Course, "content/samples/courses.csv");
        await Subscribe(store, "Hải Châu");
        await RegisterInterest(store, "MAU-KH-003");
        await Subscribe(store, "Hải Đông", chatId: "c2");

        await store.TurnAsync("xóa dữ liệu của tôi");
        await store.TurnAsync(null, "yes");

        await using var db = await store.Factory.CreateDbContextAsync();
        Assert.Equal("hai-quang", (await db.NewsSubscriptions.SingleAsync()).CommuneCode);
        Assert.False(await db.CourseLeads.AnyAsync());
    }

    private static async Task Subscribe(StoreHarness store, string commune, string chatId = "c1")
    {
        await store.TurnAsync("menu", chatId: chatId);
        await store.TurnAsync(null, "viec-lam", chatId: chatId);
        await store.TurnAsync(null, "nhan-tin", chatId: chatId);
        await store.TurnAsync(commune, chatId: chatId);
        var replies = await store.TurnAsync("đồng ý", chatId: chatId);
        Assert.Contains(replies, r => r.Text.Contains("Cháu đã ghi nhận", StringComparison.Ordinal));
    }

    private static async Task RegisterInterest(StoreHarness store, string course)
    {
        await store.TurnAsync("menu");
        await store.TurnAsync(null, "hoc-nghe");
        await store.TurnAsync(null, "khoa-hoc");
        await store.TurnAsync(null, course);
        await store.TurnAsync(null, "quan-tam");
        var replies = await store.TurnAsync(null, "yes");
        Assert.Contains(replies, r => r.Text.Contains("Cháu đã ghi nhận bác quan tâm", StringComparison.Ordinal));
    }
}
