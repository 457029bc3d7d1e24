using System.Net;
using System.Text.Json;
using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.TestKit.Zalo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Zalo;

/// <summary>
/// The access token lasts about 25 hours and the refresh token works once: the bot refreshes early and once at a
/// time, keeps the new pair in the database, and stops (reauth_required) rather than gamble a refresh it cannot know.
/// </summary>
public sealed class ZaloTokenTests : HostTestBase
{
    [Fact]
    public async Task A_token_that_expires_mid_conversation_is_refreshed_once_and_the_reply_sent_again()
    {
        await using var bed = await ZaloBed.StartAsync(Folder);
        await bed.ConverseAsync(bed.Payload("follow.json"), replies: 2);
        var spent = bed.Zalo.RefreshToken;
        bed.Zalo.ExpireAccessToken();

        var reply = await bed.ConverseAsync(bed.Text("2"), replies: 1);

        Assert.IsType<SendResult.Sent>(reply[0].Result);
        Assert.StartsWith("Hộ nhà bác đang thuộc diện nào?", bed.Zalo.Sent[^1].Text, StringComparison.Ordinal);
        var calls = bed.Zalo.Requests.Skip(2).Select(r => r.Path).ToList();
        Assert.Equal(["/v3.0/oa/message/cs", "/v4/oa/access_token", "/v3.0/oa/message/cs"], calls);
        var refresh = bed.Zalo.Requests.Single(r => r.Path == "/v4/oa/access_token");
        Assert.Equal(FakeZaloApi.AppSecret, refresh.Headers["secret_key"]);
        Assert.StartsWith("application/x-www-form-urlencoded", refresh.ContentType, StringComparison.Ordinal);
        Assert.Contains($"refresh_token={spent}", refresh.Body, StringComparison.Ordinal);
        Assert.Contains("grant_type=refresh_token", refresh.Body, StringComparison.Ordinal);
        Assert.Contains($"app_id={FakeZaloApi.AppId}", refresh.Body, StringComparison.Ordinal);
        var stored = await StoredPairAsync(bed);
        Assert.Equal(bed.Zalo.AccessToken, stored.AccessToken);
        Assert.Equal(bed.Zalo.RefreshToken, stored.RefreshToken);
        Assert.Equal(bed.Time.GetUtcNow() + TimeSpan.FromSeconds(90000), stored.ExpiresAt);
    }

    [Fact]
    public async Task After_a_restart_the_stored_pair_is_used_not_the_configured_one()
    {
        await using var zalo = await FakeZaloApi.StartAsync();
        var time = ZaloBed.NewClock();
        IReadOnlyDictionary<string, string?> configured;
        await using (var first = await ZaloBed.StartAsync(Folder, zalo, time))
        {
            configured = first.Configured;
            zalo.ExpireAccessToken();
            await first.ConverseAsync(first.Payload("follow.json"), replies: 2);
        }

        await using var second = await ZaloBed.StartAsync(Folder, zalo, time, configured);
        var reply = await second.ConverseAsync(second.Text("menu"), replies: 1);

        Assert.IsType<SendResult.Sent>(reply[0].Result);
        Assert.Equal(1, zalo.RefreshCalls); // the configured refresh token is spent; using it again would have failed
        Assert.Equal(zalo.AccessToken, zalo.Requests[^1].Headers["access_token"]);
    }

    [Fact]
    public async Task The_token_is_refreshed_before_it_expires_so_no_send_is_refused()
    {
        await using var bed = await ZaloBed.StartAsync(Folder, settings: new Dictionary<string, string?> { ["InfoBot:Zalo:RefreshBefore"] = "02:00:00" });
        bed.Zalo.ExpireAccessToken();
        await bed.ConverseAsync(bed.Payload("follow.json"), replies: 2); // refused once, refreshed: the expiry is known now
        var before = bed.Zalo.Requests.Count;

        bed.Time.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(5)); // 1 h 55 min left of 25 h
        var reply = await bed.ConverseAsync(bed.Text("menu"), replies: 1);

        Assert.IsType<SendResult.Sent>(reply[0].Result);
        Assert.Equal(["/v4/oa/access_token", "/v3.0/oa/message/cs"], bed.Zalo.Requests.Skip(before).Select(r => r.Path));
        Assert.Equal(2, bed.Zalo.RefreshCalls);
    }

    [Fact]
    public async Task Sends_waiting_for_the_same_refused_token_share_one_refresh()
    {
        await using var bed = await ZaloBed.StartAsync(Folder);
        var tokens = bed.App.Services.GetRequiredService<ZaloTokens>();
        var refused = (await tokens.GetAsync(CancellationToken.None)).AccessToken!;
        bed.Zalo.ExpireAccessToken();

        var leases = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => tokens.RenewAsync(refused, CancellationToken.None)));

        Assert.Equal(1, bed.Zalo.RefreshCalls);
        Assert.All(leases, l => Assert.Equal(bed.Zalo.AccessToken, l.AccessToken));
    }

    [Fact]
    public async Task The_fake_refuses_a_refresh_token_used_twice()
    {
        await using var bed = await ZaloBed.StartAsync(Folder);
        var oauth = bed.App.Services.GetRequiredService<ZaloOAuthClient>();
        var once = bed.Zalo.RefreshToken;

        var first = await oauth.RefreshAsync(once, CancellationToken.None);
        var second = await oauth.RefreshAsync(once, CancellationToken.None);

        var renewed = Assert.IsType<RefreshOutcome.Renewed>(first);
        Assert.Equal(TimeSpan.FromSeconds(90000), renewed.ExpiresIn); // "expires_in":"90000", a string
        Assert.Equal("error -14014", Assert.IsType<RefreshOutcome.Rejected>(second).Reason);
    }

    [Fact]
    public async Task A_refresh_whose_answer_is_lost_is_never_tried_again_and_health_says_reauth_required()
    {
        await using var zalo = await FakeZaloApi.StartAsync();
        var time = ZaloBed.NewClock();
        var logFile = Path.Combine(Folder.Path, "logs", "infobot-.log");
        IReadOnlyDictionary<string, string?> configured;
        await using (var bed = await ZaloBed.StartAsync(Folder, zalo, time, new Dictionary<string, string?> { ["InfoBot:Logging:FilePath"] = logFile }))
        {
            configured = bed.Configured;
            await bed.ConverseAsync(bed.Payload("follow.json"), replies: 2);
            zalo.ExpireAccessToken();
            zalo.DropNextRefreshAnswer();
            var paused = time.WaitStartedAsync(ZaloTokens.ReauthPause);

            var first = await bed.ConverseAsync(bed.Text("2"), replies: 1);
            await paused;
            var again = bed.ExpectSends(1);
            time.Advance(ZaloTokens.ReauthPause);
            var second = await again;

            Assert.Equal(new SendResult.RetryAfter(ZaloTokens.ReauthPause, "reauth_required"), first[0].Result);
            Assert.Equal(new SendResult.RetryAfter(ZaloTokens.ReauthPause, "reauth_required"), second[0].Result);
            Assert.Equal(1, zalo.RefreshCalls);
            Assert.Equal("reauth_required", await ZaloHealthAsync(bed));
            await using var db = await bed.DbAsync();
            var row = await db.Outbox.SingleAsync(o => o.Channel == "zalo" && o.Status == OutboxStatus.Pending);
            Assert.Equal("reauth_required", row.Error);
        }

        var logs = string.Concat(Directory.EnumerateFiles(Path.GetDirectoryName(logFile)!).Select(File.ReadAllText));
        Assert.Contains("[ERR] Zalo: reauth_required (refresh result unknown: network", logs, StringComparison.Ordinal);

        // A restart alone changes nothing: the state is in the database.
        await using (var restarted = await ZaloBed.StartAsync(Folder, zalo, time, configured))
        {
            Assert.Equal("reauth_required", await ZaloHealthAsync(restarted));
            Assert.Equal(1, zalo.RefreshCalls);
        }

        // The operator configures new tokens and restarts: the waiting reply goes out.
        await using var fixedBed = await ZaloBed.StartAsync(Folder, zalo, time, zalo.Settings());
        Assert.Equal("ok", await ZaloHealthAsync(fixedBed));
        var delivered = fixedBed.ExpectSends(1);
        time.Advance(ZaloTokens.ReauthPause);
        Assert.IsType<SendResult.Sent>((await delivered)[0].Result);
        Assert.StartsWith("Hộ nhà bác đang thuộc diện nào?", zalo.Sent[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refresh_token_zalo_refuses_means_reauth_required()
    {
        await using var bed = await ZaloBed.StartAsync(Folder, settings: new Dictionary<string, string?>
        {
            ["InfoBot:Zalo:AccessToken"] = "an-old-access-token",
            ["InfoBot:Zalo:RefreshToken"] = "a-refresh-token-used-elsewhere",
        });

        var sends = await bed.ConverseAsync(bed.Payload("follow.json"), replies: 1);

        Assert.Equal(new SendResult.RetryAfter(ZaloTokens.ReauthPause, "reauth_required"), sends[0].Result);
        Assert.Equal("reauth_required", await ZaloHealthAsync(bed));
        Assert.Contains("refresh refused: error -14014", (await StoredPairAsync(bed)).Problem, StringComparison.Ordinal);
    }

    private static async Task<string?> ZaloHealthAsync(ZaloBed bed)
    {
        var response = await bed.App.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("channels").GetProperty("zalo").GetString();
    }

    private static async Task<ZaloTokenPair> StoredPairAsync(ZaloBed bed)
    {
        await using var db = await bed.DbAsync();
        var json = await db.ChannelState.Where(s => s.Channel == "zalo" && s.Key == "tokens").Select(s => s.Value).SingleAsync();
        return ZaloTokenPair.FromJson(json)!;
    }
}
