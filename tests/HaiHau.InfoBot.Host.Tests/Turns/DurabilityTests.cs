using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using HaiHau.InfoBot.TestKit.Postgres;

namespace HaiHau.InfoBot.Host.Tests.Turns;

/// <summary>Killing the host at any point loses no message and sends no reply twice.</summary>
[Scheduling.LongRunning(15)]
public sealed class DurabilityTests : HostTestBase
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_message_stored_but_never_processed_is_answered_when_the_host_starts_again(DatabaseProvider provider)
    {
        var time = InfoBotApp.NewClock();
        string id;
        await using (var first = NewApp(provider, time))
        {
            var chat = new WebChatClient(first.CreateClient());
            id = (await chat.StartAsync()).ConversationId;
            await chat.SendAsync(id, choice: "bhyt");

            // The crash: the next message is persisted (as the API does before anything else), then the host dies.
            var inbox = first.Services.GetRequiredService<InboxStore>();
            await inbox.AddAsync(new InboundMessage(new ConversationRef("web", id, id), $"{id}:lost-1", time.GetUtcNow(), null, "ngheo"), CancellationToken.None);
        }

        await using var second = NewApp(provider, time);
        var history = await new WebChatClient(second.CreateClient()).HistoryAsync(id);

        Assert.Single(history.Replies, r => r.Text.StartsWith("BẢO HIỂM Y TẾ CHO NGƯỜI THUỘC HỘ NGHÈO", StringComparison.Ordinal));
        await using var db = await second.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Inbox.AnyAsync(i => i.Status == InboxStatus.Pending));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Processing_a_message_again_after_a_crash_queues_no_second_reply(DatabaseProvider provider)
    {
        await using var app = NewApp(provider, InfoBotApp.NewClock());
        var chat = new WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;
        await chat.SendAsync(id, choice: "bhyt", clientMessageId: "once");
        var processor = app.Services.GetRequiredService<TurnProcessor>();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        var inboxId = await db.Inbox.Where(i => i.ExternalId == $"{id}:once").Select(i => i.Id).SingleAsync();
        var before = await db.Outbox.CountAsync();

        await processor.ProcessAsync(inboxId, CancellationToken.None);
        await processor.ProcessAsync(inboxId, CancellationToken.None);

        Assert.Equal(before, await db.Outbox.CountAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Replies_queued_before_a_crash_are_delivered_exactly_once_afterwards(DatabaseProvider provider)
    {
        var time = InfoBotApp.NewClock();
        string id;
        long lastSeen;
        await using (var first = NewApp(provider, time))
        {
            var chat = new WebChatClient(first.CreateClient());
            var start = await chat.StartAsync();
            id = start.ConversationId;
            lastSeen = start.Replies[^1].Id;

            // The turn ran and its replies were committed, but the response never reached the page.
            var inbox = first.Services.GetRequiredService<InboxStore>();
            var (inboxId, _) = await inbox.AddAsync(new InboundMessage(new ConversationRef("web", id, id), $"{id}:x", time.GetUtcNow(), null, "bhyt"), CancellationToken.None);
            await first.Services.GetRequiredService<TurnProcessor>().ProcessAsync(inboxId, CancellationToken.None);
        }

        await using var second = NewApp(provider, time);
        var chat2 = new WebChatClient(second.CreateClient());
        var recovered = await chat2.HistoryAsync(id, lastSeen);
        var again = await chat2.HistoryAsync(id, recovered.Replies[^1].Id);

        Assert.Single(recovered.Replies);
        Assert.StartsWith("Hộ nhà bác đang thuộc diện nào?", recovered.Replies[0].Text, StringComparison.Ordinal);
        Assert.Empty(again.Replies);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Every_turn_writes_its_events_with_the_state_and_replies(DatabaseProvider provider)
    {
        await using var app = NewApp(provider, InfoBotApp.NewClock());
        var chat = new WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;
        await chat.SendAsync(id, choice: "bhyt");
        await chat.SendAsync(id, choice: "ngheo");

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        var kinds = await db.TurnEvents.Where(e => e.Conversation!.ChatId == id).Select(e => e.Kind + ":" + e.Subject).ToListAsync();

        Assert.Contains("dialog_started:bhyt", kinds);
        Assert.Contains("article_viewed:bhyt-ho-ngheo", kinds);
        Assert.Equal(3, kinds.Count(k => k.StartsWith("msg_received", StringComparison.Ordinal)));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_stored_message_left_pending_while_running_is_finished_by_the_next_sweep(DatabaseProvider provider)
    {
        var time = InfoBotApp.NewClock();
        await using var app = NewApp(provider, time);
        var chat = new WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;
        var last = (await chat.HistoryAsync(id)).Replies[^1].Id;
        var worker = app.Services.GetRequiredService<HaiHau.InfoBot.Host.Turns.InboxRetryWorker>();
        var swept = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        worker.Swept += count => swept.TrySetResult(count);

        // As a webhook does: store first, answer the platform, run the turn later. Here the turn never ran.
        await app.Services.GetRequiredService<InboxStore>().AddAsync(
            new InboundMessage(new ConversationRef("web", id, id), $"{id}:hook-1", time.GetUtcNow(), null, "bhyt"), CancellationToken.None);
        time.Advance(HaiHau.InfoBot.Host.Turns.InboxRetryWorker.Interval);

        Assert.Equal(1, await swept.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        var replies = await chat.HistoryAsync(id, last);
        Assert.StartsWith("Hộ nhà bác đang thuộc diện nào?", Assert.Single(replies.Replies).Text, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_message_delivered_again_alone_or_in_a_burst_with_new_ones_is_stored_once_and_known_as_the_first(DatabaseProvider provider)
    {
        var time = InfoBotApp.NewClock();
        await using var app = NewApp(provider, time);
        var inbox = app.Services.GetRequiredService<InboxStore>();
        InboundMessage Message(string externalId, string chat) => new(new ConversationRef("web", chat, chat), externalId, time.GetUtcNow(), "xin chào");
        var first = await inbox.AddAsync(Message("dup-1", "c1"), CancellationToken.None);

        // The unique index is the duplicate check now: the platform's retry, a copy in the same burst, and new messages
        // beside them go into one batch; only the new ones are stored, each copy is reported as the message stored first.
        var burst = await Task.WhenAll(
            inbox.AddAsync(Message("dup-1", "c1"), CancellationToken.None),
            inbox.AddAsync(Message("new-2", "c2"), CancellationToken.None),
            inbox.AddAsync(Message("new-3", "c3"), CancellationToken.None),
            inbox.AddAsync(Message("new-3", "c3"), CancellationToken.None));
        var again = await inbox.AddAsync(Message("new-2", "c2"), CancellationToken.None);

        Assert.False(first.Duplicate);
        Assert.Equal((first.Id, true), burst[0]);
        Assert.False(burst[1].Duplicate);
        Assert.Equal((burst[1].Id, true), again);
        Assert.Single(new[] { burst[2], burst[3] }, r => !r.Duplicate); // one of the two copies stored, the other known as it
        Assert.Equal(burst[2].Id, burst[3].Id);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        var stored = await db.Inbox.Where(i => i.Channel == "web" && (i.ExternalId == "dup-1" || i.ExternalId.StartsWith("new-")))
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.ExternalId }).ToListAsync();
        Assert.Equal(["dup-1", "new-2", "new-3"], stored.Select(s => s.ExternalId));
        Assert.Equal([first.Id, burst[1].Id, burst[2].Id], stored.Select(s => s.Id));
    }
}
