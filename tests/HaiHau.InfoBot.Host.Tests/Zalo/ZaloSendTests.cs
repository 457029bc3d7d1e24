using System.Text.Json;
using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Zalo;

/// <summary>
/// What Zalo answers to a send, and what the outbox row then says (channels.md §C.1 error codes). One bed for the class,
/// each test a Zalo user of its own whose failure is scripted for its very next send; the call limit, which pauses the
/// whole channel on the clock, has its own.
/// </summary>
public sealed class ZaloSendTests(SharedZaloBed shared) : HostTestBase, IClassFixture<SharedZaloBed>
{
    [Fact]
    public async Task Sends_are_json_consultation_messages_with_the_token_in_its_header_and_the_user_id_a_string()
    {
        var (bed, user) = (shared.Bed, shared.NewUser());
        var requestsBefore = bed.Zalo.Requests.Count;

        await bed.ConverseAsync(bed.Follow(user), replies: 2);

        var send = bed.Zalo.Requests[requestsBefore];
        Assert.Equal("/v3.0/oa/message/cs", send.Path);
        Assert.Equal(bed.Zalo.AccessToken, send.Headers["access_token"]);
        Assert.False(send.Headers.ContainsKey("Authorization"));
        Assert.StartsWith("application/json", send.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(send.Body);
        Assert.Equal(JsonValueKind.String, body.RootElement.GetProperty("recipient").GetProperty("user_id").ValueKind);
        Assert.Equal(user, body.RootElement.GetProperty("recipient").GetProperty("user_id").GetString());
        Assert.StartsWith("Chào bác!", body.RootElement.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-230, "User has not interacted with the OA in the past 7 days")]
    [InlineData(-232, "User has not interacted with the OA, or the last interaction has expired")]
    public async Task Outside_the_7_day_window_the_row_says_not_delivered_window(int code, string message)
    {
        var (bed, user) = (shared.Bed, shared.NewUser());
        await bed.ConverseAsync(bed.Follow(user), replies: 2);
        bed.Zalo.FailNextSend(code, message);

        var result = await bed.ConverseAsync(bed.Text("2", user), replies: 1);

        Assert.Equal(new SendResult.Failed("window"), result[0].Result);
        var row = await RowAsync(bed, result[0].Delivery.Id);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Equal("window", row.Error);
    }

    [Theory]
    [InlineData(-213)]
    [InlineData(-227)]
    [InlineData(-244)]
    public async Task A_resident_zalo_says_cannot_be_reached_is_marked_unreachable(int code)
    {
        var (bed, user) = (shared.Bed, shared.NewUser());
        await bed.ConverseAsync(bed.Follow(user), replies: 2);
        bed.Zalo.FailNextSend(code, "User has not followed OA");

        var result = await bed.ConverseAsync(bed.Text("2", user), replies: 1);

        Assert.IsType<SendResult.Unreachable>(result[0].Result);
        Assert.Equal(OutboxStatus.Unreachable, (await RowAsync(bed, result[0].Delivery.Id)).Status);
        await using var db = await bed.DbAsync();
        Assert.True((await db.Conversations.SingleAsync(c => c.Channel == "zalo" && c.ChatId == user)).Unreachable);
    }

    [Fact]
    public async Task At_the_call_limit_the_channel_waits_a_minute_then_sends()
    {
        await using var bed = await ZaloBed.StartAsync(Folder);
        await bed.ConverseAsync(bed.Payload("follow.json"), replies: 2);
        bed.Zalo.FailNextSend(-32, "Your application/OA reached limit call api");
        var paused = bed.Time.WaitStartedAsync(ZaloErrors.RateLimitPause);
        var sends = bed.ExpectSends(2);

        await bed.Webhooks.SendAsync(bed.Text("2"));
        await paused;
        bed.Time.Advance(ZaloErrors.RateLimitPause);
        var results = await sends;

        Assert.IsType<SendResult.RetryAfter>(results[0].Result);
        Assert.IsType<SendResult.Sent>(results[1].Result);
        Assert.Equal(results[0].Delivery.Id, results[1].Delivery.Id);
        Assert.Equal(OutboxStatus.Sent, (await RowAsync(bed, results[1].Delivery.Id)).Status);
    }

    [Fact]
    public async Task A_payload_error_fails_the_row_without_a_retry()
    {
        var (bed, user) = (shared.Bed, shared.NewUser());
        await bed.ConverseAsync(bed.Follow(user), replies: 2);
        bed.Zalo.FailNextSend(-201, "user_id is invalid!");

        var failed = await bed.ConverseAsync(bed.Text("2", user), replies: 1);
        var callsAfterFailure = bed.Zalo.SendCalls;
        var next = await bed.ConverseAsync(bed.Text("menu", user), replies: 1);

        Assert.Equal(new SendResult.Failed("-201: user_id is invalid!"), failed[0].Result);
        Assert.Equal(OutboxStatus.Failed, (await RowAsync(bed, failed[0].Delivery.Id)).Status);
        Assert.IsType<SendResult.Sent>(next[0].Result);
        Assert.Equal(callsAfterFailure + 1, bed.Zalo.SendCalls); // only the next reply: the failed one was not tried again
    }

    private static async Task<OutboxRecord> RowAsync(ZaloBed bed, long id)
    {
        await using var db = await bed.DbAsync();
        return await db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id);
    }
}
