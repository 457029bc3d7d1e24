using System.Data.Common;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace HaiHau.InfoBot.Host.Tests.Persistence;

/// <summary>
/// Issue 16's execution strategy: on PostgreSQL a transaction whose connection is cut (a restart, a fail-over: here
/// the server really terminates the session, with pg_terminate_backend from another connection) is run again, and
/// what it writes lands exactly once: the turn is neither lost (the cut comes just before the commit, after every
/// row was sent) nor stored twice (a commit that landed, whose answer was lost, is found by the retry).
/// </summary>
public sealed class ResilientTransactionTests
{
    [Theory, OnPostgres]
    public async Task A_turn_whose_connection_is_cut_before_its_commit_is_stored_once(DatabaseProvider provider)
    {
        var cut = new CutBeforeCommit();
        using var store = new StoreHarness(provider: provider, interceptors: cut);
        await store.TurnAsync(null, isStart: true);
        var expected = await ReplyTextsOfAnotherConversationAsync(store);

        cut.Arm();
        var replies = await store.TurnAsync(null, payload: "bhyt", externalId: "cut");

        Assert.Equal(1, cut.Cuts); // the session was really terminated mid-transaction
        Assert.Equal(expected, replies.Select(r => r.Text));
        await using var db = await store.Factory.CreateDbContextAsync();
        var inbox = await db.Inbox.SingleAsync(i => i.ExternalId == "cut");
        Assert.Equal(InboxStatus.Done, inbox.Status);
        Assert.Equal(expected, await db.Outbox.Where(o => o.InboxId == inbox.Id).OrderBy(o => o.Sequence).Select(o => o.Text).ToListAsync());
        Assert.Equal(1, await db.TurnEvents.CountAsync(e => e.InboxId == inbox.Id && e.Kind == EventKinds.MessageReceived.Name));
    }

    [Theory, OnPostgres]
    public async Task A_turn_whose_commit_landed_but_whose_answer_was_lost_is_not_run_twice(DatabaseProvider provider)
    {
        var lost = new LoseCommitAnswer();
        using var store = new StoreHarness(provider: provider, interceptors: lost);
        await store.TurnAsync(null, isStart: true);
        var expected = await ReplyTextsOfAnotherConversationAsync(store);

        lost.Arm();
        var replies = await store.TurnAsync(null, payload: "bhyt", externalId: "landed");

        Assert.Equal(1, lost.Losses);
        Assert.Equal(expected, replies.Select(r => r.Text)); // the stored replies, found by the retry
        await using var db = await store.Factory.CreateDbContextAsync();
        var inbox = await db.Inbox.SingleAsync(i => i.ExternalId == "landed");
        Assert.Equal(expected.Count, await db.Outbox.CountAsync(o => o.InboxId == inbox.Id));
        Assert.Equal(1, await db.TurnEvents.CountAsync(e => e.InboxId == inbox.Id && e.Kind == EventKinds.MessageReceived.Name));
    }

    [Theory, OnPostgres]
    public async Task An_officers_takeover_whose_connection_is_cut_is_recorded_once(DatabaseProvider provider)
    {
        var cut = new CutBeforeCommit();
        using var store = new StoreHarness(provider: provider, interceptors: cut);
        await store.TurnAsync(null, isStart: true, chatId: "c1");
        var signals = new ConversationSignals(store.Factory, store.Writes);

        cut.Arm();
        await signals.ApplyAsync(new ChannelSignal(new ConversationRef("web", "c1", "c1"), ChannelSignalKind.HumanTakeover, store.Time.GetUtcNow(), TimeSpan.FromHours(1), "cán bộ trả lời"), CancellationToken.None);

        Assert.Equal(1, cut.Cuts);
        await using var db = await store.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.TurnEvents.CountAsync(e => e.Kind == EventKinds.HumanTakeover.Name));
        Assert.True((await db.Conversations.SingleAsync(c => c.ChatId == "c1")).SilencedUntil > store.Time.GetUtcNow());
    }

    /// <summary>What the same message gets in a conversation nothing cut: the replies the cut turn must still give.</summary>
    private static async Task<IReadOnlyList<string>> ReplyTextsOfAnotherConversationAsync(StoreHarness store)
    {
        await store.TurnAsync(null, isStart: true, chatId: "other");
        return (await store.TurnAsync(null, payload: "bhyt", chatId: "other")).Select(r => r.Text).ToList();
    }

    /// <summary>
    /// The other seam: when armed, the next commit reaches the server, and then the client is told the connection
    /// broke (a transient NpgsqlException, as when the link drops before the server's answer arrives).
    /// </summary>
    private sealed class LoseCommitAnswer : DbTransactionInterceptor
    {
        private int _armed;
        private int _losses;

        public int Losses => Volatile.Read(ref _losses);

        public void Arm() => Volatile.Write(ref _armed, 1);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                Interlocked.Increment(ref _losses);
                throw new NpgsqlException("the connection broke before the commit's answer arrived", new IOException("connection reset"));
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// The seam: when armed, the next commit first has the server terminate its session (from a second connection,
    /// waiting until the backend is gone), so the commit meets a dead connection and the server rolls the work back.
    /// </summary>
    private sealed class CutBeforeCommit : DbTransactionInterceptor
    {
        private int _armed;
        private int _cuts;

        public int Cuts => Volatile.Read(ref _cuts);

        public void Arm() => Volatile.Write(ref _armed, 1);

        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1 && transaction.Connection is NpgsqlConnection session)
            {
                await using var other = new NpgsqlConnection(session.ConnectionString);
                await other.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT pg_terminate_backend(@pid, 30000)", other);
                command.Parameters.AddWithValue("pid", session.ProcessID);
                Assert.True((bool)(await command.ExecuteScalarAsync(cancellationToken))!);
                Interlocked.Increment(ref _cuts);
            }

            return result;
        }
    }
}
