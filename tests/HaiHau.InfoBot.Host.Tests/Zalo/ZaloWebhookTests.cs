using Microsoft.Extensions.DependencyInjection;
using HaiHau.InfoBot.Host.Channels;
using System.Net;
using System.Text;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Zalo;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Zalo;

/// <summary>
/// Webhook calls as Zalo makes them, from recorded-shape payloads, through the real host: what is stored before the
/// 200, what is refused with 401, what is answered 200 and dropped.
/// </summary>
public sealed class ZaloWebhookTests(ZaloWebhookTests.Host host) : IClassFixture<ZaloWebhookTests.Host>
{
    private ZaloBed Bed => host.Bed;

    [Theory]
    [InlineData("bad mac")]
    [InlineData("missing header")]
    [InlineData("empty header")]
    [InlineData("re-serialised body")]
    [InlineData("signed with the app secret")]
    [InlineData("timestamp older than the replay window")]
    [InlineData("timestamp from the future")]
    public async Task Refuses_calls_that_are_not_Zalos_with_401_and_stores_nothing(string label)
    {
        var payload = UniqueText();
        var body = payload.ToBytes();
        var good = Bed.Webhooks.Sign(body, payload.Timestamp);
        var response = label switch
        {
            "bad mac" => await Bed.Webhooks.PostAsync(body, good[..^4] + "0000"),
            "missing header" => await Bed.Webhooks.PostAsync(body, null),
            "empty header" => await Bed.Webhooks.PostAsync(body, "mac="),
            "re-serialised body" => await Bed.Webhooks.PostAsync(payload.Reserialised(), good),
            "signed with the app secret" => await new ZaloWebhookSender(Bed.App.CreateClient(), FakeZaloApi.AppId, FakeZaloApi.AppSecret).SendAsync(payload),
            "timestamp older than the replay window" => await Bed.Webhooks.SendAsync(payload.At(Bed.Time.GetUtcNow() - TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1))),
            "timestamp from the future" => await Bed.Webhooks.SendAsync(payload.At(Bed.Time.GetUtcNow() + TimeSpan.FromMinutes(6))),
            _ => throw new ArgumentOutOfRangeException(nameof(label)),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var db = await Bed.DbAsync();
        Assert.False(await db.Inbox.AnyAsync(i => i.Text == payload.Text));
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_has_no_signed_timestamp_and_is_refused_with_401()
    {
        var response = await Bed.Webhooks.PostAsync(Encoding.UTF8.GetBytes("timestamp=1&x"), "mac=00");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode); // more in Hardening/ZaloHostileInputTests
    }

    [Theory]
    [InlineData("mac=")]
    [InlineData("")]
    [InlineData("MAC=")]
    public async Task Accepts_the_signature_with_or_without_the_mac_prefix(string prefix)
    {
        var payload = UniqueText();
        var body = payload.ToBytes();
        var hex = Bed.Webhooks.Sign(body, payload.Timestamp)["mac=".Length..];

        var response = await Bed.Webhooks.PostAsync(body, prefix + (prefix == "MAC=" ? hex.ToUpperInvariant() : hex));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await InboxAsync(payload.MessageId));
    }

    [Fact]
    public async Task A_text_is_stored_with_its_ids_as_strings_before_the_200()
    {
        var payload = UniqueText("bảo hiểm y tế");

        var response = await Bed.Webhooks.SendAsync(payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = await InboxAsync(payload.MessageId);
        Assert.NotNull(row);
        Assert.Equal("bảo hiểm y tế", row.Text);
        Assert.Equal(payload.SenderId, row.ChatId);
        Assert.Equal(payload.SenderId, row.UserId);
        Assert.Null(row.Payload);
    }

    [Fact]
    public async Task Ids_and_timestamp_written_as_json_numbers_keep_every_digit()
    {
        var payload = ZaloPayload.Load(ZaloBed.Testdata("user_send_text.numeric-ids.json"))
            .WithNumber("timestamp", Bed.Time.GetUtcNow().ToUnixTimeMilliseconds());

        var response = await Bed.Webhooks.SendAsync(payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = await InboxAsync("5b3a1c0e9f8d7c6b5a49");
        Assert.NotNull(row);
        Assert.Equal("246845883529197922", row.ChatId); // 2^53 is 9007199254740992: a double would have lost the last digits
    }

    [Fact]
    public async Task A_retry_with_num_retry_is_stored_like_the_first_delivery()
    {
        var payload = UniqueText();

        var response = await Bed.Webhooks.SendAsync(payload, new Dictionary<string, string> { ["num_retry"] = "2" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await InboxAsync(payload.MessageId));
    }

    [Fact]
    public async Task A_duplicate_msg_id_is_answered_200_and_stored_once()
    {
        var payload = UniqueText();

        var first = await Bed.Webhooks.SendAsync(payload);
        var second = await Bed.Webhooks.SendAsync(payload);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await using var db = await Bed.DbAsync();
        Assert.Equal(1, await db.Inbox.CountAsync(i => i.ExternalId == payload.MessageId));
    }

    [Theory]
    [InlineData("user_send_image.caption.json", "non_text:image", "bao hiem y te")]
    [InlineData("user_send_sticker.json", "non_text:sticker", null)]
    [InlineData("user_send_location.json", "non_text:location", null)]
    public async Task Photos_stickers_and_places_are_stored_as_non_text_with_their_caption(string file, string payloadMark, string? caption)
    {
        var payload = Bed.Payload(file).With("message.msg_id", Unique());

        var response = await Bed.Webhooks.SendAsync(payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = await InboxAsync(payload.MessageId);
        Assert.NotNull(row);
        Assert.Equal(payloadMark, row.Payload);
        Assert.Equal(caption, row.Text);
    }

    [Theory]
    [InlineData("user_submit_info.json")] // info.phone "84912345678", as channels.md §C.2 shows it
    [InlineData("user_submit_info.top-level.json")] // the unconfirmed container left out: phone at the top level
    public async Task A_submitted_phone_reaches_the_turn_and_is_not_kept_after_it(string file)
    {
        // Which household the number links is tested end to end in ZaloPhoneLinkTests (both shapes link there).
        var user = Unique();
        var payload = Bed.Payload(file).With("sender.id", user);
        var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var worker = Bed.App.Services.GetRequiredService<InboxWorker>();
        void OnProcessed(StoredMessage stored)
        {
            if (stored.Message.ExternalId == $"submit_info:{user}:{payload.Timestamp}")
            {
                turn.TrySetResult();
            }
        }

        worker.Processed += OnProcessed;

        var response = await Bed.Webhooks.SendAsync(payload);
        await turn.Task.WaitAsync(TimeSpan.FromSeconds(20));
        worker.Processed -= OnProcessed;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await Bed.DbAsync();
        var row = await db.Inbox.SingleAsync(i => i.ChatId == user);
        Assert.Null(row.ContactPhone); // compared with the register in the turn, then cleared: the bot keeps no numbers
        Assert.Null(row.Text);
        Assert.Equal($"submit_info:{user}:{payload.Timestamp}", row.ExternalId);
    }

    [Fact]
    public async Task A_follow_is_stored_as_the_start_of_a_conversation()
    {
        var user = Unique();
        var payload = Bed.Payload("follow.json").With("follower.id", user);

        var response = await Bed.Webhooks.SendAsync(payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await Bed.DbAsync();
        var row = await db.Inbox.SingleAsync(i => i.ChatId == user);
        Assert.True(row.IsStart);
        Assert.Equal($"follow:{user}:{payload.Timestamp}", row.ExternalId);
    }

    [Theory]
    [InlineData("oa_send_text.json")]
    [InlineData("user_seen_message.json")]
    [InlineData("unfollow.json")] // from someone who never wrote: nothing to mark
    public async Task Echoes_and_unused_events_are_answered_200_and_dropped(string file)
    {
        var user = Unique();
        var payload = Bed.Payload(file).With("recipient.id", user).With("sender.id", user).With("follower.id", user);

        var response = await Bed.Webhooks.SendAsync(payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await Bed.DbAsync();
        Assert.False(await db.Inbox.AnyAsync(i => i.ChatId == user));
        Assert.False(await db.Conversations.AnyAsync(c => c.ChatId == user));
    }

    [Fact]
    public async Task An_officers_echo_silences_the_bot_in_that_chat_for_the_takeover_time()
    {
        var user = Unique();
        var first = UniqueText(user: user);
        var turn = Bed.ExpectTurn(first);
        await Bed.Webhooks.SendAsync(first);
        await turn;

        var response = await Bed.Webhooks.SendAsync(Bed.Payload("oa_send_text.admin.json").With("recipient.id", user));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await Bed.DbAsync();
        var conversation = await db.Conversations.SingleAsync(c => c.ChatId == user);
        Assert.Equal(Bed.Time.GetUtcNow() + TimeSpan.FromHours(1), conversation.SilencedUntil);
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..20];

    private ZaloPayload UniqueText(string? text = null, string? user = null) =>
        Bed.Text(text ?? "menu " + Unique(), user ?? ZaloBed.Resident).With("message.msg_id", Unique());

    private async Task<InboxRecord?> InboxAsync(string? externalId)
    {
        await using var db = await Bed.DbAsync();
        return await db.Inbox.AsNoTracking().SingleOrDefaultAsync(i => i.Channel == "zalo" && i.ExternalId == externalId);
    }

    /// <summary>One test class's host: the webhook checks need no fresh database each.</summary>
    public sealed class Host : IAsyncLifetime, IDisposable
    {
        private readonly TempDirectory _folder = new();

        public ZaloBed Bed { get; private set; } = null!;

        public async Task InitializeAsync() => Bed = await ZaloBed.StartAsync(_folder);

        public async Task DisposeAsync() => await Bed.DisposeAsync();

        public void Dispose() => _folder.Dispose();
    }
}
