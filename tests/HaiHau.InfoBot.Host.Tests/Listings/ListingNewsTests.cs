using System.Net;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Host.Broadcasts;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.Channels;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Storage.Listings;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HaiHau.InfoBot.Host.Tests.Listings;

/// <summary>
/// Job and course news: the residents subscribed to that kind of news in that commune, each once, and a publish on the
/// page that ends as one bulk outbox row per subscriber, through the announcement scheduler.
/// </summary>
public sealed class ListingNewsTests : HostTestBase
{
    private ScriptedChannelApp NewChannelApp() => new(Folder.SqliteConnectionString(), new FakeTimeProvider(ListingSeed.Morning), services: s =>
    {
        // The host registers the scheduler with the announcement pages; here it is registered as BroadcastDeliveryTests do.
        s.AddSingleton<BroadcastScheduler>();
        s.AddHostedService(sp => sp.GetRequiredService<BroadcastScheduler>());
    });

    [Fact]
    public async Task The_subscriber_audience_picks_that_communes_subscribers_of_that_kind_each_once()
    {
        await using var app = NewApp();
        var haiAnJobs = await ListingSeed.ConversationAsync(app, "zalo", "a1");
        var haiAnBoth = await ListingSeed.ConversationAsync(app, "telegram", "a2");
        var haiAnCourses = await ListingSeed.ConversationAsync(app, "zalo", "a3");
        var haiChauJobs = await ListingSeed.ConversationAsync(app, "zalo", "c1");
        var blocked = await ListingSeed.ConversationAsync(app, "zalo", "a4", unreachable: true);
        var noCommune = await ListingSeed.ConversationAsync(app, "web", "w1");
        await ListingSeed.SubscribeAsync(app, haiAnJobs, "jobs", "hai-an");
        await ListingSeed.SubscribeAsync(app, haiAnBoth, "jobs", "hai-an");
        await ListingSeed.SubscribeAsync(app, haiAnBoth, "courses", "hai-an");
        await ListingSeed.SubscribeAsync(app, haiAnCourses, "courses", "hai-an");
        await ListingSeed.SubscribeAsync(app, haiChauJobs, "jobs", "hai-chau");
        await ListingSeed.SubscribeAsync(app, blocked, "jobs", "hai-an");
        await ListingSeed.SubscribeAsync(app, noCommune, "jobs", null);
        var candidates = await app.Services.GetServices<IBroadcastAudience>().OfType<NewsSubscriberAudience>().Single().CandidatesAsync(CancellationToken.None);

        var haiAnJobNews = AudienceSelection.Pick(candidates, new Segment(["hai-an"], [], ["jobs"], []));
        var districtJobNews = AudienceSelection.Pick(candidates, new Segment([], [], ["jobs"], []));
        var haiAnCourseNews = AudienceSelection.Pick(candidates, new Segment(["hai-an"], [], ["vocational_training"], []));
        var generalAnnouncement = AudienceSelection.Pick(candidates, Segment.Everyone);

        Assert.Equal([haiAnJobs, haiAnBoth], haiAnJobNews.Select(m => m.ConversationId));
        Assert.Equal([haiAnJobs, haiAnBoth, haiChauJobs, noCommune], districtJobNews.Select(m => m.ConversationId));
        Assert.Equal([haiAnBoth, haiAnCourses], haiAnCourseNews.Select(m => m.ConversationId));
        Assert.Empty(generalAnnouncement); // they asked for job or course news, not for every announcement
        Assert.Equal(AudienceMember.PersonKeyOf(haiAnBoth), haiAnJobNews[1].PersonKey);
    }

    [Fact]
    public async Task Adding_a_job_with_the_news_box_ticked_queues_it_for_that_communes_job_subscribers_only()
    {
        await using var app = NewChannelApp();
        var subscriber = await ListingSeed.ConversationAsync(app, ScriptedChannel.Name, "sub-hai-an");
        var courseFan = await ListingSeed.ConversationAsync(app, ScriptedChannel.Name, "course-hai-an");
        var elsewhere = await ListingSeed.ConversationAsync(app, ScriptedChannel.Name, "sub-hai-chau");
        await ListingSeed.SubscribeAsync(app, subscriber, "jobs", "hai-an");
        await ListingSeed.SubscribeAsync(app, courseFan, "courses", "hai-an");
        await ListingSeed.SubscribeAsync(app, elsewhere, "jobs", "hai-chau");
        await ConsoleClient.CreateAccountAsync(app, "hai-an@haihau.test", ConsoleRoles.Officer, "hai-an");
        var officer = await ConsoleClient.SignedInAsync(app, "hai-an@haihau.test");
        var scheduler = app.Services.GetRequiredService<BroadcastScheduler>();
        var fannedOut = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        scheduler.FannedOut += (_, targeted) => fannedOut.TrySetResult(targeted);

        var response = await officer.PostFormAsync("/admin/jobs?handler=Save", new Dictionary<string, string>
        {
            ["code"] = "VL-HA-09", ["title"] = "Công nhân may", ["provider"] = "Xưởng may Hải An", ["commune"] = "hai-an", ["place"] = "Cạnh chợ Hải An",
            ["deadline"] = "2022-10-31", ["contact"] = "Cán bộ xã", ["source"] = "UBND xã", ["notify"] = "true",
        }, tokenFrom: "/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đã lên lịch báo cho người đăng ký nhận tin.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await fannedOut.Task.WaitAsync(TimeSpan.FromSeconds(20)));

        await using var db = await ListingSeed.Factory(app).CreateDbContextAsync();
        var row = await db.Outbox.SingleAsync(o => o.BroadcastId != null);
        Assert.Equal((subscriber, OutboxKind.Bulk), (row.ConversationId, row.Kind));
        Assert.Equal("Có việc làm mới: Công nhân may (Xưởng may Hải An), tại Cạnh chợ Hải An. Hạn nộp hồ sơ: 31/10/2022.\nBác gõ \"việc làm\" để xem chi tiết ạ.", row.Text);
    }

    [Fact]
    public void Several_new_listings_make_one_short_message_that_names_the_first_five()
    {
        var jobs = Enumerable.Range(1, 7).Select(i => ListingSeed.Job($"VL-{i}", "hai-an", $"Việc {i}")).ToList();

        var text = ListingNewsText.For(ListingKind.Job, jobs, _ => "Xã Hải An");

        Assert.StartsWith("Có 7 việc làm mới:\n- Việc 1, tại Cạnh UBND xã, hạn 31/12/2022\n", text, StringComparison.Ordinal);
        Assert.EndsWith("- và 2 việc làm khác\nBác gõ \"việc làm\" để xem chi tiết ạ.", text, StringComparison.Ordinal);
    }
}
