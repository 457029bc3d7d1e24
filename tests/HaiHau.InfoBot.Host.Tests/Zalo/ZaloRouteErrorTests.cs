using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Zns;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Zalo;

/// <summary>
/// Each Zalo answer on the promotion and ZNS routes becomes the outcome the outbox acts on (table per error code,
/// over real HTTP to the fake), and the fake's own rules: the night, the quotas, templates and parameter names, the
/// account and its balance, a repeated tracking_id, the 7-day window of consultation messages.
/// </summary>
public sealed class ZaloRouteErrorTests(ZaloRouteErrorTests.SharedRoutes shared) : HostTestBase, IClassFixture<ZaloRouteErrorTests.SharedRoutes>
{
    private const string Follower = "1000000000000000002";

    /// <summary>
    /// One bed for the class's code tables (issue 15): each row scripts one failure of the fake for the very next send
    /// and makes that send, so no row leaves anything behind (a failed send is neither delivered, billed nor counted
    /// against a quota, and the clock does not move). The facts below change the fake's rules, clock or templates,
    /// so each has a bed of its own.
    /// </summary>
    public sealed class SharedRoutes : HostTestBase, IAsyncLifetime
    {
        public Routes Routes { get; private set; } = null!;

        public async Task InitializeAsync() => Routes = await Routes.StartAsync(Folder);

        public async Task DisposeAsync() => await Routes.DisposeAsync();
    }

    /// <summary>A routes bed with a follower outside the window and a resident who consented to ZNS, and 8 announcements.</summary>
    public sealed class Routes : IAsyncDisposable
    {
        private Routes(ZaloBed bed, long withPhone) => (Bed, WithPhone) = (bed, withPhone);

        public ZaloBed Bed { get; }

        public long WithPhone { get; }

        public static async Task<Routes> StartAsync(TestKit.TempDirectory folder)
        {
            var bed = await ZaloRoutesBed.StartAsync(folder);
            await ZaloRoutesBed.ResidentAsync(bed, Follower, daysAgo: 40);
            var withPhone = await ZaloRoutesBed.ResidentAsync(bed, "1000000000000000004", daysAgo: 40, znsPhone: "0912345678");
            await ZaloRoutesBed.AnnouncementsAsync(bed, 8); // ZnsAsync(n) sends announcement n by the mapped template
            return new Routes(bed, withPhone);
        }

        public Task<SendResult> PromotionAsync() =>
            ZaloRoutesBed.Route(Bed, BroadcastRouteChannels.ZaloPromotion).SendAsync(new ConversationRef(BroadcastRouteChannels.ZaloPromotion, Follower, Follower), OutboundMessage.Plain("Họp dân"), CancellationToken.None);

        public Task<SendResult> ZnsAsync(long broadcast = 1) =>
            ZaloRoutesBed.Route(Bed, BroadcastRouteChannels.ZaloZns).SendAsync(
                new ConversationRef(BroadcastRouteChannels.ZaloZns, "1000000000000000004", ZnsAddress.Of(broadcast, WithPhone)), OutboundMessage.Plain("Họp dân"), CancellationToken.None);

        public async ValueTask DisposeAsync() => await Bed.DisposeAsync();
    }

    private Routes Shared => shared.Routes;

    public static TheoryData<int, Type, string> PromotionCodes => new()
    {
        { -234, typeof(SendResult.RetryAfter), "-234" },
        { -211, typeof(SendResult.Failed), "quota" },
        { -224, typeof(SendResult.Failed), "package" },
        { -221, typeof(SendResult.Failed), "not verified" },
        { -213, typeof(SendResult.Unreachable), "-213" },
        { -227, typeof(SendResult.Unreachable), "-227" },
        { -244, typeof(SendResult.Unreachable), "-244" },
        { -32, typeof(SendResult.RetryAfter), "-32" },
        { -200, typeof(SendResult.Transient), "-200" },
        { -201, typeof(SendResult.Failed), "-201" },
    };

    [Theory]
    [MemberData(nameof(PromotionCodes))]
    public async Task Promotion_answers_become_outcomes(int code, Type outcome, string reason)
    {
        Shared.Bed.Zalo.FailNextSend(code, "scripted");

        var result = await Shared.PromotionAsync();

        Assert.IsType(outcome, result);
        Assert.Contains(reason, result.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<int, Type, string> ZnsCodes => new()
    {
        { -211, typeof(SendResult.RetryAfter), "daily ZNS quota" },
        { -320, typeof(SendResult.Failed), "Zalo Cloud Account" },
        { -321, typeof(SendResult.Failed), "out of money" },
        { -201, typeof(SendResult.Failed), "zns -201" },
        { -213, typeof(SendResult.Failed), "cannot receive ZNS" },
        { -32, typeof(SendResult.RetryAfter), "-32" },
        { -200, typeof(SendResult.Transient), "-200" },
    };

    [Theory]
    [MemberData(nameof(ZnsCodes))]
    public async Task ZNS_answers_become_outcomes(int code, Type outcome, string reason)
    {
        Shared.Bed.Zalo.FailNextSend(code, "scripted");

        var result = await Shared.ZnsAsync();

        Assert.IsType(outcome, result);
        Assert.Contains(reason, result.ToString(), StringComparison.Ordinal);
        Assert.Empty(Shared.Bed.Zalo.ZnsSent);
    }

    [Fact]
    public async Task At_night_the_fake_refuses_promotion_and_the_route_waits_for_six_in_the_morning()
    {
        await using var own = await Routes.StartAsync(Folder);
        var bed = own.Bed;
        bed.Time.Advance(TimeSpan.FromHours(15)); // 8:00 + 15 h = 23:00 in Vietnam

        var result = Assert.IsType<SendResult.RetryAfter>(await own.PromotionAsync());

        Assert.Equal(TimeSpan.FromHours(7), result.Delay);
        Assert.Empty(bed.Zalo.Promotions);
    }

    [Fact]
    public async Task The_promotion_quota_is_read_from_Zalo_and_enforced_by_it()
    {
        await using var own = await Routes.StartAsync(Folder);
        var bed = own.Bed;
        bed.Zalo.PromotionDailyQuota = 1;

        Assert.IsType<SendResult.Sent>(await own.PromotionAsync());
        Assert.Contains("quota", Assert.IsType<SendResult.Failed>(await own.PromotionAsync()).Error, StringComparison.Ordinal);
        Assert.Single(bed.Zalo.Promotions);
    }

    [Fact]
    public async Task A_retried_ZNS_delivery_with_the_same_tracking_id_is_delivered_and_billed_once()
    {
        await using var own = await Routes.StartAsync(Folder);
        var bed = own.Bed;
        var balance = bed.Zalo.Balance = 10_000;

        var first = Assert.IsType<SendResult.Sent>(await own.ZnsAsync(broadcast: 7));
        var retry = Assert.IsType<SendResult.Sent>(await own.ZnsAsync(broadcast: 7));

        Assert.Equal(first.ExternalId, retry.ExternalId);
        Assert.Single(bed.Zalo.ZnsSent);
        Assert.Equal(balance - bed.Zalo.ZnsPrice, bed.Zalo.Balance);
        Assert.IsType<SendResult.Sent>(await own.ZnsAsync(broadcast: 8)); // another announcement is another message
        Assert.Equal(2, bed.Zalo.ZnsSent.Count);
    }

    [Fact]
    public async Task The_fake_enforces_the_account_the_balance_and_the_daily_quota()
    {
        await using var own = await Routes.StartAsync(Folder);
        var bed = own.Bed;
        bed.Zalo.ZnsAccount = false;
        Assert.Contains("-320", Assert.IsType<SendResult.Failed>(await own.ZnsAsync(1)).Error, StringComparison.Ordinal);
        bed.Zalo.ZnsAccount = true;
        bed.Zalo.Balance = 100;
        Assert.Contains("-321", Assert.IsType<SendResult.Failed>(await own.ZnsAsync(2)).Error, StringComparison.Ordinal);
        bed.Zalo.Balance = 10_000;
        bed.Zalo.ZnsDailyQuota = 0;
        Assert.Equal(TimeSpan.FromHours(16), Assert.IsType<SendResult.RetryAfter>(await own.ZnsAsync(3)).Delay); // until midnight in Vietnam
        Assert.Empty(bed.Zalo.ZnsSent);
    }

    [Fact]
    public async Task A_template_id_or_parameter_names_other_than_the_approved_ones_are_refused()
    {
        await using var own = await Routes.StartAsync(Folder);
        var bed = own.Bed;
        bed.Zalo.AddTemplate(ZaloRoutesBed.Template, "ho_ten", "noi_dung"); // approved with other names than the officers mapped

        var result = Assert.IsType<SendResult.Failed>(await own.ZnsAsync());

        Assert.Contains("template_data is invalid", result.Error, StringComparison.Ordinal);
        Assert.Empty(bed.Zalo.ZnsSent);
    }

    [Fact]
    public async Task A_template_Zalo_does_not_know_is_refused_by_its_id()
    {
        await using var own = await Routes.StartAsync(Folder);
        var bed = own.Bed;
        // Mapped on the console, but not (or no longer) an approved template of this OA at Zalo.
        var templates = bed.App.Services.GetRequiredService<ZnsTemplateStore>();
        await templates.AddAsync("tb-da-xoa", [new("noi_dung", null)], "huyen@haihau.test", CancellationToken.None);
        await templates.MapAsync("tb-da-xoa", new Dictionary<string, (string?, string?)> { ["noi_dung"] = (ZnsFields.Text, null) }, "huyen@haihau.test", CancellationToken.None);
        var id = await bed.App.Services.GetRequiredService<BroadcastStore>().CreateAsync(
            new BroadcastDraft("Họp dân", null, Segment.Everyone, bed.Time.GetUtcNow().AddDays(365), "huyen@haihau.test", ZnsTemplateId: "tb-da-xoa"), CancellationToken.None);

        var result = Assert.IsType<SendResult.Failed>(await own.ZnsAsync(id));

        Assert.Contains("template_id is invalid", result.Error, StringComparison.Ordinal);
        Assert.Empty(bed.Zalo.ZnsSent);
    }

    [Fact]
    public async Task A_consultation_message_outside_the_7_day_window_is_refused_with_230_and_recorded_as_window()
    {
        await using var own = await Routes.StartAsync(Folder);
        var bed = own.Bed;
        var adapter = ZaloRoutesBed.Route(bed, "zalo");

        var result = await adapter.SendAsync(new ConversationRef("zalo", Follower, Follower), OutboundMessage.Plain("Chào bác"), CancellationToken.None);

        Assert.Equal("window", Assert.IsType<SendResult.Failed>(result).Error);
        Assert.Empty(bed.Zalo.Sent);
    }
}
