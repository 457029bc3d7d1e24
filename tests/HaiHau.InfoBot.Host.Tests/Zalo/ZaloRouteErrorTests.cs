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
public sealed class ZaloRouteErrorTests : HostTestBase, IAsyncLifetime
{
    private const string Follower = "1000000000000000002";
    private ZaloBed _bed = null!;
    private long _withPhone;

    public async Task InitializeAsync()
    {
        _bed = await ZaloRoutesBed.StartAsync(Folder);
        await ZaloRoutesBed.ResidentAsync(_bed, Follower, daysAgo: 40);
        _withPhone = await ZaloRoutesBed.ResidentAsync(_bed, "1000000000000000004", daysAgo: 40, znsPhone: "0912345678");
        await ZaloRoutesBed.AnnouncementsAsync(_bed, 8); // ZnsAsync(n) sends announcement n by the mapped template
    }

    public async Task DisposeAsync()
    {
        await _bed.DisposeAsync();
    }

    private Task<SendResult> PromotionAsync() =>
        ZaloRoutesBed.Route(_bed, BroadcastRouteChannels.ZaloPromotion).SendAsync(new ConversationRef(BroadcastRouteChannels.ZaloPromotion, Follower, Follower), OutboundMessage.Plain("Họp dân"), CancellationToken.None);

    private Task<SendResult> ZnsAsync(long broadcast = 1) =>
        ZaloRoutesBed.Route(_bed, BroadcastRouteChannels.ZaloZns).SendAsync(
            new ConversationRef(BroadcastRouteChannels.ZaloZns, "1000000000000000004", ZnsAddress.Of(broadcast, _withPhone)), OutboundMessage.Plain("Họp dân"), CancellationToken.None);

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
        _bed.Zalo.FailNextSend(code, "scripted");

        var result = await PromotionAsync();

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
        _bed.Zalo.FailNextSend(code, "scripted");

        var result = await ZnsAsync();

        Assert.IsType(outcome, result);
        Assert.Contains(reason, result.ToString(), StringComparison.Ordinal);
        Assert.Empty(_bed.Zalo.ZnsSent);
    }

    [Fact]
    public async Task At_night_the_fake_refuses_promotion_and_the_route_waits_for_six_in_the_morning()
    {
        _bed.Time.Advance(TimeSpan.FromHours(15)); // 8:00 + 15 h = 23:00 in Vietnam

        var result = Assert.IsType<SendResult.RetryAfter>(await PromotionAsync());

        Assert.Equal(TimeSpan.FromHours(7), result.Delay);
        Assert.Empty(_bed.Zalo.Promotions);
    }

    [Fact]
    public async Task The_promotion_quota_is_read_from_Zalo_and_enforced_by_it()
    {
        _bed.Zalo.PromotionDailyQuota = 1;

        Assert.IsType<SendResult.Sent>(await PromotionAsync());
        Assert.Contains("quota", Assert.IsType<SendResult.Failed>(await PromotionAsync()).Error, StringComparison.Ordinal);
        Assert.Single(_bed.Zalo.Promotions);
    }

    [Fact]
    public async Task A_retried_ZNS_delivery_with_the_same_tracking_id_is_delivered_and_billed_once()
    {
        var balance = _bed.Zalo.Balance = 10_000;

        var first = Assert.IsType<SendResult.Sent>(await ZnsAsync(broadcast: 7));
        var retry = Assert.IsType<SendResult.Sent>(await ZnsAsync(broadcast: 7));

        Assert.Equal(first.ExternalId, retry.ExternalId);
        Assert.Single(_bed.Zalo.ZnsSent);
        Assert.Equal(balance - _bed.Zalo.ZnsPrice, _bed.Zalo.Balance);
        Assert.IsType<SendResult.Sent>(await ZnsAsync(broadcast: 8)); // another announcement is another message
        Assert.Equal(2, _bed.Zalo.ZnsSent.Count);
    }

    [Fact]
    public async Task The_fake_enforces_the_account_the_balance_and_the_daily_quota()
    {
        _bed.Zalo.ZnsAccount = false;
        Assert.Contains("-320", Assert.IsType<SendResult.Failed>(await ZnsAsync(1)).Error, StringComparison.Ordinal);
        _bed.Zalo.ZnsAccount = true;
        _bed.Zalo.Balance = 100;
        Assert.Contains("-321", Assert.IsType<SendResult.Failed>(await ZnsAsync(2)).Error, StringComparison.Ordinal);
        _bed.Zalo.Balance = 10_000;
        _bed.Zalo.ZnsDailyQuota = 0;
        Assert.Equal(TimeSpan.FromHours(16), Assert.IsType<SendResult.RetryAfter>(await ZnsAsync(3)).Delay); // until midnight in Vietnam
        Assert.Empty(_bed.Zalo.ZnsSent);
    }

    [Fact]
    public async Task A_template_id_or_parameter_names_other_than_the_approved_ones_are_refused()
    {
        _bed.Zalo.AddTemplate(ZaloRoutesBed.Template, "ho_ten", "noi_dung"); // approved with other names than the officers mapped

        var result = Assert.IsType<SendResult.Failed>(await ZnsAsync());

        Assert.Contains("template_data is invalid", result.Error, StringComparison.Ordinal);
        Assert.Empty(_bed.Zalo.ZnsSent);
    }

    [Fact]
    public async Task A_template_Zalo_does_not_know_is_refused_by_its_id()
    {
        // Mapped on the console, but not (or no longer) an approved template of this OA at Zalo.
        var templates = _bed.App.Services.GetRequiredService<ZnsTemplateStore>();
        await templates.AddAsync("tb-da-xoa", [new("noi_dung", null)], "huyen@haihau.test", CancellationToken.None);
        await templates.MapAsync("tb-da-xoa", new Dictionary<string, (string?, string?)> { ["noi_dung"] = (ZnsFields.Text, null) }, "huyen@haihau.test", CancellationToken.None);
        var id = await _bed.App.Services.GetRequiredService<BroadcastStore>().CreateAsync(
            new BroadcastDraft("Họp dân", null, Segment.Everyone, _bed.Time.GetUtcNow().AddDays(365), "huyen@haihau.test", ZnsTemplateId: "tb-da-xoa"), CancellationToken.None);

        var result = Assert.IsType<SendResult.Failed>(await ZnsAsync(id));

        Assert.Contains("template_id is invalid", result.Error, StringComparison.Ordinal);
        Assert.Empty(_bed.Zalo.ZnsSent);
    }

    [Fact]
    public async Task A_consultation_message_outside_the_7_day_window_is_refused_with_230_and_recorded_as_window()
    {
        var adapter = ZaloRoutesBed.Route(_bed, "zalo");

        var result = await adapter.SendAsync(new ConversationRef("zalo", Follower, Follower), OutboundMessage.Plain("Chào bác"), CancellationToken.None);

        Assert.Equal("window", Assert.IsType<SendResult.Failed>(result).Error);
        Assert.Empty(_bed.Zalo.Sent);
    }
}
