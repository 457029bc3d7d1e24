using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Reach;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Postgres;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Turns;

/// <summary>
/// A turn is written with plain ADO.NET commands (TurnWrite, issue 15) and read everywhere else through EF. If the two
/// disagree (a column left out, a name typed differently, an enum or a time converted another way) these read-backs
/// differ from what the resident was sent: the replies on a page reload, the conversation going on where it was, the
/// events and reach rows the officers' reports count.
/// </summary>
public sealed class TurnWriteReadBackTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_web_turn_reads_back_through_EF_as_it_was_sent(DatabaseProvider provider)
    {
        using var store = new StoreHarness(provider: provider);
        var now = store.Time.GetUtcNow();
        var greeting = await store.TurnAsync(null, isStart: true, startPayload: "xa-hai-chau");
        var topic = await store.TurnAsync(null, payload: "bhyt", externalId: "press-bhyt");
        var article = await store.TurnAsync(null, payload: "ngheo", externalId: "press-ngheo");

        // A page reload hands back every reply, in order, with what the resident pressed.
        var reloaded = await store.Outbox.TakeAfterAsync("web", "c1", 0, CancellationToken.None);
        IReadOnlyList<DeliveredReply> sent = [.. greeting, .. topic, .. article];
        Assert.Equal(sent.Select(r => (r.Id, r.Text)), reloaded.Select(r => (r.Id, r.Text)));
        Assert.Equal(sent.Select(r => string.Join('|', r.Choices.Select(c => c.Id + "=" + c.Label))), reloaded.Select(r => string.Join('|', r.Choices.Select(c => c.Id + "=" + c.Label))));
        Assert.NotNull(reloaded.Single(r => r.Id == topic[0].Id).Said);

        await using var db = await store.Factory.CreateDbContextAsync();
        var conversation = await db.Conversations.SingleAsync();
        Assert.Equal(("web", "c1", "xa-hai-chau", now, now, false), (conversation.Channel, conversation.ChatId, conversation.Source, conversation.CreatedAt, conversation.UpdatedAt, conversation.Unreachable));
        var messages = await db.Inbox.OrderBy(i => i.Id).ToListAsync();
        Assert.Equal(["press-bhyt", "press-ngheo"], messages.Skip(1).Select(m => m.ExternalId));
        Assert.All(messages, m => Assert.Equal((InboxStatus.Done, now, now, "c1"), (m.Status, m.ProcessedAt, m.ReceivedAt, m.ChatId)));

        var rows = await db.Outbox.OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(sent.Select(r => r.Id), rows.Select(o => o.Id));
        Assert.All(rows, o => Assert.Equal((OutboxStatus.Sent, OutboxKind.Reply, 1, now, conversation.Id), (o.Status, o.Kind, o.Attempts, o.SentAt, o.ConversationId)));
        Assert.Equal(Enumerable.Range(0, topic.Count), rows.Where(o => o.InboxId == messages[1].Id).Select(o => o.Sequence));

        // Idempotent on (channel, external id): the same press sent again after a restart gets the stored replies.
        store.Restart();
        var again = await store.TurnAsync(null, payload: "ngheo", externalId: "press-ngheo");
        Assert.Equal(article.Select(r => r.Text), again.Select(r => r.Text));

        var events = await db.TurnEvents.Where(e => e.InboxId == messages[2].Id).ToListAsync();
        Assert.Contains(events, e => e.Kind == EventKinds.ArticleViewed.Name);
        Assert.All(events, e => Assert.Equal((conversation.Id, "web", now), (e.ConversationId, e.Channel, e.At)));
        var reach = await db.ReachLog.SingleAsync(r => r.Kind == ReachKinds.Article);
        Assert.Equal((reach.Kind, conversation.Id, "web", now, ReachDay.Of(now)), (reach.Kind, reach.ConversationId, reach.Channel, reach.At, reach.Day));
        Assert.Equal(events.Single(e => e.Kind == EventKinds.ArticleViewed.Name).Subject, reach.Subject);
        Assert.NotNull(reach.Topic);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_stored_message_is_answered_into_the_outbox_for_its_sender(DatabaseProvider provider)
    {
        using var store = new StoreHarness(provider: provider);
        var message = store.Message(null, isStart: true, chatId: "tg1", channel: "telegram");
        var (id, _) = await store.Inbox.AddAsync(message, CancellationToken.None);

        Assert.True(await store.Processor.ProcessAsync(message, CancellationToken.None));

        await using var db = await store.Factory.CreateDbContextAsync();
        var stored = await db.Inbox.SingleAsync();
        Assert.Equal((id, InboxStatus.Done), (stored.Id, stored.Status));
        var conversation = await db.Conversations.SingleAsync();
        var replies = await db.Outbox.OrderBy(o => o.Sequence).ToListAsync();
        Assert.NotEmpty(replies);
        Assert.All(replies, o => Assert.Equal((OutboxStatus.Pending, 0, (DateTimeOffset?)null, id, conversation.Id, "tg1"), (o.Status, o.Attempts, o.SentAt, o.InboxId, o.ConversationId, o.ChatId)));
        Assert.True(await store.Processor.ProcessAsync(id, CancellationToken.None));
        Assert.Equal(replies.Count, await db.Outbox.CountAsync()); // settled: a second run queues nothing
    }
}
