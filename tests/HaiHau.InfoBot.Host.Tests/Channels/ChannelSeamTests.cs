using System.Net;
using System.Text;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Host.Channels;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Channels;

/// <summary>
/// The path every push channel shares: webhook → stored → turn → outbox → send, and what happens to each
/// send outcome. Runs the real host, SQLite file and workers, with a scripted platform and a fake clock.
/// </summary>
public sealed class ChannelSeamTests : HostTestBase
{
    private ScriptedChannelApp NewChannelApp() => new(Folder.SqliteConnectionString(), InfoBotApp.NewClock());

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string json, string token = "ok")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/scripted") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Scripted-Token", token);
        return await client.SendAsync(request);
    }

    private static async Task<List<OutboxRecord>> OutboxAsync(ScriptedChannelApp app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        return await db.Outbox.Where(o => o.Channel == ScriptedChannel.Name).OrderBy(o => o.Id).ToListAsync();
    }

    private static async Task<ConversationRecord> ConversationAsync(ScriptedChannelApp app, string chat)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        return await db.Conversations.SingleAsync(c => c.Channel == ScriptedChannel.Name && c.ChatId == chat);
    }

    [Fact]
    public async Task A_webhook_message_is_answered_through_the_outbox_and_each_send_is_recorded()
    {
        await using var app = NewChannelApp();
        var client = app.CreateClient();

        var results = await app.SettledAsync(2, async () =>
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, """{"id":"1","chat":"c1","text":"/start"}""")).StatusCode));

        Assert.All(results, r => Assert.IsType<SendResult.Sent>(r));
        var sent = app.Channel.Sent.ToList();
        Assert.All(sent, s => Assert.Equal("c1", s.ChatId));
        Assert.Contains("Hải Hậu", sent[0].Text, StringComparison.Ordinal); // the greeting, then the menu
        Assert.Contains("Bác muốn hỏi về việc gì?", sent[1].Text, StringComparison.Ordinal);
        var rows = await OutboxAsync(app);
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        Assert.Equal(["m1", "m2"], rows.Select(r => r.ExternalId));
        Assert.Contains("1", app.Channel.Acknowledged);
    }

    [Fact]
    public async Task A_platform_retry_of_the_same_message_is_stored_and_answered_once()
    {
        await using var app = NewChannelApp();
        var client = app.CreateClient();
        await app.SettledAsync(2, () => PostAsync(client, """{"id":"7","chat":"c1","text":"/start"}"""));

        var again = await PostAsync(client, """{"id":"7","chat":"c1","text":"/start"}""");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Inbox.CountAsync(i => i.Channel == ScriptedChannel.Name));
        Assert.Equal(2, (await OutboxAsync(app)).Count);
        Assert.Equal(2, app.Channel.Sent.Count);
    }

    [Theory]
    [InlineData("bad", """{"id":"1","chat":"c1","text":"hi"}""", HttpStatusCode.Forbidden)]
    [InlineData("ok", """{"chat":"c1"}""", HttpStatusCode.OK)]
    public async Task Refused_and_ignored_calls_store_nothing(string token, string json, HttpStatusCode expected)
    {
        await using var app = NewChannelApp();

        var response = await PostAsync(app.CreateClient(), json, token);

        Assert.Equal(expected, response.StatusCode);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Inbox.AnyAsync());
    }

    [Fact]
    public async Task A_channel_that_is_off_answers_404_and_an_oversized_body_413()
    {
        await using var app = NewChannelApp();
        var client = app.CreateClient();

        var off = await client.PostAsync("/webhooks/telegram", new StringContent("{}"));
        var huge = await PostAsync(client, "{\"text\":\"" + new string('a', WebhookApi.MaxBodyBytes) + "\"}");

        Assert.Equal(HttpStatusCode.NotFound, off.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    [Fact]
    public async Task When_the_platform_asks_to_wait_the_reply_goes_out_after_the_wait_and_not_before()
    {
        await using var app = NewChannelApp();
        app.Channel.Script(new SendResult.RetryAfter(TimeSpan.FromSeconds(5), "429"));
        var first = await app.SettledAsync(1, () => PostAsync(app.CreateClient(), """{"id":"1","chat":"c1","text":"/start"}"""));
        Assert.IsType<SendResult.RetryAfter>(Assert.Single(first));
        var waiting = (await OutboxAsync(app))[0];
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Equal("429", waiting.Error);
        Assert.Empty(app.Channel.Sent);

        var second = await app.SettledAsync(2, () => app.AdvanceAsync(TimeSpan.FromSeconds(5)));

        Assert.All(second, r => Assert.IsType<SendResult.Sent>(r));
        var sent = (await OutboxAsync(app))[0];
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(1, sent.Attempts); // the platform's pacing is not counted as a failed attempt
        Assert.Equal(2, app.Channel.Sent.Count);
    }

    [Fact]
    public async Task Network_faults_are_retried_with_backoff_and_given_up_after_the_last_attempt()
    {
        await using var app = NewChannelApp();
        var faults = Enumerable.Repeat<SendResult>(new SendResult.Transient("HttpRequestException"), OutboxDispatcher.MaxTransientAttempts).ToArray();
        app.Channel.Script(faults);
        await app.SettledAsync(1, () => PostAsync(app.CreateClient(), """{"id":"1","chat":"c1","text":"/start"}"""));

        for (var attempt = 1; attempt < OutboxDispatcher.MaxTransientAttempts; attempt++)
        {
            var row = (await OutboxAsync(app))[0];
            Assert.Equal(OutboxStatus.Pending, row.Status);
            Assert.Equal(app.Time.GetUtcNow() + OutboxDispatcher.Backoff(attempt), row.NextAttemptAt);
            Assert.Empty(app.Channel.Sent); // the menu waits behind the greeting
            var last = attempt == OutboxDispatcher.MaxTransientAttempts - 1;
            await app.SettledAsync(last ? 2 : 1, () => app.AdvanceAsync(OutboxDispatcher.Backoff(attempt)));
        }

        var given = (await OutboxAsync(app))[0];
        Assert.Equal(OutboxStatus.Failed, given.Status);
        Assert.Equal("gave up: HttpRequestException", given.Error);
        Assert.Equal(OutboxDispatcher.MaxTransientAttempts, given.Attempts);
        Assert.Contains("Bác muốn hỏi về việc gì?", Assert.Single(app.Channel.Sent).Text, StringComparison.Ordinal); // the next one still goes
    }

    [Fact]
    public async Task A_resident_who_blocked_the_bot_gets_nothing_more_until_they_write_again()
    {
        await using var app = NewChannelApp();
        var client = app.CreateClient();
        app.Channel.Script(new SendResult.Unreachable("Forbidden: bot was blocked by the user"));
        await app.SettledAsync(1, () => PostAsync(client, """{"id":"1","chat":"c1","text":"/start"}"""));

        var blocked = await ConversationAsync(app, "c1");
        Assert.True(blocked.Unreachable);
        Assert.Equal("Forbidden: bot was blocked by the user", blocked.UnreachableReason);
        Assert.All(await OutboxAsync(app), r => Assert.Equal(OutboxStatus.Unreachable, r.Status)); // the menu behind it too

        await app.SettledAsync(1, () => PostAsync(client, """{"id":"2","chat":"c1","text":"bhyt"}"""));

        Assert.False((await ConversationAsync(app, "c1")).Unreachable);
        Assert.Single(app.Channel.Sent);
    }

    [Fact]
    public async Task An_unfollow_signal_marks_the_resident_unreachable()
    {
        await using var app = NewChannelApp();
        var client = app.CreateClient();
        await app.SettledAsync(2, () => PostAsync(client, """{"id":"1","chat":"c1","text":"/start"}"""));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, """{"chat":"c1","signal":"unreachable"}""")).StatusCode);

        Assert.True((await ConversationAsync(app, "c1")).Unreachable);
    }

    [Fact]
    public async Task While_an_officer_answers_by_hand_the_bot_keeps_the_message_and_stays_silent()
    {
        await using var app = NewChannelApp();
        var client = app.CreateClient();
        await app.SettledAsync(2, () => PostAsync(client, """{"id":"1","chat":"c1","text":"/start"}"""));
        await PostAsync(client, """{"chat":"c1","signal":"takeover"}""");

        await app.ProcessedAsync("2", () => PostAsync(client, """{"id":"2","chat":"c1","text":"bhyt"}"""));
        Assert.Equal(2, app.Channel.Sent.Count);

        app.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        await app.SettledAsync(1, () => PostAsync(client, """{"id":"3","chat":"c1","text":"bhyt"}"""));
        Assert.Equal(3, app.Channel.Sent.Count);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        Assert.True(await db.Inbox.AnyAsync(i => i.ExternalId == "2" && i.Text == "bhyt" && i.Status == InboxStatus.Done));
    }

    [Fact]
    public async Task A_chats_replies_go_out_in_order_even_when_the_first_must_wait()
    {
        await using var app = NewChannelApp();
        var client = app.CreateClient();
        app.Channel.Script(new SendResult.Transient("timeout"));
        await app.SettledAsync(1, () => PostAsync(client, """{"id":"1","chat":"c1","text":"/start"}"""));
        await app.ProcessedAsync("2", () => PostAsync(client, """{"id":"2","chat":"c1","text":"bhyt"}"""));
        Assert.Empty(app.Channel.Sent); // the second reply waits behind the first

        var results = await app.SettledAsync(3, () => app.AdvanceAsync(OutboxDispatcher.Backoff(1)));

        Assert.All(results, r => Assert.IsType<SendResult.Sent>(r));
        var sent = app.Channel.Sent.Select(s => s.Text).ToList();
        Assert.Contains("Hải Hậu", sent[0], StringComparison.Ordinal);
        Assert.Contains("Bác muốn hỏi về việc gì?", sent[1], StringComparison.Ordinal);
        Assert.Contains("bảo hiểm y tế", sent[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_turn_held_up_in_one_chat_does_not_hold_up_another_residents_answer_and_its_own_chat_keeps_its_order()
    {
        await using var app = NewChannelApp();
        var client = app.CreateClient();
        var slow = app.Channel.HoldAcknowledgement("1"); // c1's first turn stays in progress until released
        var other = Enumerable.Range(2, 64).Select(i => "c" + i)
            .First(chat => PendingTurns.LaneOf(new ConversationRef(ScriptedChannel.Name, chat, chat)) != PendingTurns.LaneOf(new ConversationRef(ScriptedChannel.Name, "c1", "c1")));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, """{"id":"1","chat":"c1","text":"/start"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, """{"id":"3","chat":"c1","text":"bhyt"}""")).StatusCode);
        await app.ProcessedAsync("2", () => PostAsync(client, $$"""{"id":"2","chat":"{{other}}","text":"/start"}"""));

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(InboxStatus.Pending, (await db.Inbox.SingleAsync(i => i.ExternalId == "3")).Status); // behind c1's first turn
        }

        await app.ProcessedAsync("3", () =>
        {
            slow.SetResult();
            return Task.CompletedTask;
        });
        await app.SentAtLeastAsync(5, () => Task.CompletedTask);
        var toC1 = app.Channel.Sent.Where(s => s.ChatId == "c1").Select(s => s.Text).ToList();
        Assert.Contains("Hải Hậu", toC1[0], StringComparison.Ordinal);
        Assert.Contains("bảo hiểm y tế", toC1[^1], StringComparison.Ordinal);
        Assert.Equal(["1", "2", "3"], app.Channel.Acknowledged.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Replies_to_several_residents_sent_in_one_round_are_each_recorded_with_their_own_message()
    {
        await using var app = NewChannelApp();
        var client = app.CreateClient();

        await app.SettledAsync(8, () => Task.WhenAll(Enumerable.Range(1, 4).Select(i =>
            PostAsync(client, $$"""{"id":"{{i}}","chat":"c{{i}}","text":"/start"}"""))));

        var sent = app.Channel.Sent.ToList();
        var rows = await OutboxAsync(app);
        Assert.Equal(8, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal(OutboxStatus.Sent, row.Status);
            var platform = sent[int.Parse(row.ExternalId!["m".Length..], System.Globalization.CultureInfo.InvariantCulture) - 1];
            Assert.Equal((row.ChatId, row.Text), platform); // the message the platform took for this very row
            Assert.Equal((1, (string?)null, (DateTimeOffset?)null, (string?)null), (row.Attempts, row.ClaimedBy, row.LeaseUntil, row.Error)); // one try, no longer in flight
            Assert.NotNull(row.SentAt);
        });
        Assert.Equal(8, rows.Select(r => r.ExternalId).Distinct().Count());
    }

    [Fact]
    public async Task When_one_of_several_residents_replies_fails_only_that_one_is_sent_again_and_the_others_go_out_once()
    {
        await using var app = NewChannelApp();
        var client = app.CreateClient();
        app.Channel.ScriptFor("c2", new SendResult.Transient("timeout"));

        // Four residents at once: their greetings go out together (a round, recorded with the turns' writes), c2's fails.
        var first = await app.SettledAsync(7, () => Task.WhenAll(Enumerable.Range(1, 4).Select(i =>
            PostAsync(client, $$"""{"id":"{{i}}","chat":"c{{i}}","text":"/start"}"""))));

        Assert.Single(first, r => r is SendResult.Transient);
        Assert.DoesNotContain(app.Channel.Sent, s => s.ChatId == "c2");
        var failed = (await OutboxAsync(app)).First(r => r.ChatId == "c2");
        Assert.Equal((OutboxStatus.Pending, 1, "timeout", (string?)null), (failed.Status, failed.Attempts, failed.Error, failed.ClaimedBy));
        Assert.Equal(app.Time.GetUtcNow() + OutboxDispatcher.Backoff(1), failed.NextAttemptAt);

        var again = await app.SettledAsync(2, () => app.AdvanceAsync(OutboxDispatcher.Backoff(1)));

        Assert.All(again, r => Assert.IsType<SendResult.Sent>(r));
        var sent = app.Channel.Sent.ToList();
        Assert.Equal(8, sent.Count);
        Assert.Equal(8, sent.Distinct().Count()); // nobody got a message twice
        Assert.Equal(2, sent.Count(s => s.ChatId == "c2"));
        var rows = await OutboxAsync(app);
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Sent, (string?)null, (DateTimeOffset?)null), (r.Status, r.ClaimedBy, r.LeaseUntil)));
        Assert.Equal(2, rows.First(r => r.ChatId == "c2").Attempts);
        Assert.Equal(7, rows.Count(r => r.Attempts == 1));
    }

    [Fact]
    public async Task A_burst_of_webhook_calls_with_the_same_message_delivered_twice_at_once_stores_and_answers_each_message_once()
    {
        await using var app = NewChannelApp();
        var client = app.CreateClient();
        string[] bodies = [.. Enumerable.Range(1, 6).Select(i => $$"""{"id":"{{i}}","chat":"c{{i}}","text":"/start"}"""), """{"id":"1","chat":"c1","text":"/start"}"""];

        await app.SettledAsync(12, async () =>
            Assert.All(await Task.WhenAll(bodies.Select(b => PostAsync(client, b))), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode)));

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        Assert.Equal(6, await db.Inbox.CountAsync(i => i.Channel == ScriptedChannel.Name));
        Assert.Equal(2, app.Channel.Sent.Count(s => s.ChatId == "c1")); // greeting and menu, once
        Assert.Equal(12, app.Channel.Sent.Count);
    }
}
