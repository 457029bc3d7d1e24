using System.Data.Common;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HaiHau.InfoBot.Host.Tests.Turns;

/// <summary>
/// On SQLite, turns that arrive while the single writer is busy are committed together (issue 15: one COMMIT per turn
/// capped the web chat's throughput). Each resident is still answered only once their turn committed, a turn that fails
/// inside a batch fails alone, and a COMMIT that fails answers none of its batch, whose messages are then not stored and
/// run normally when sent again. The batch is gathered by holding the writer gate, as a long write by another writer does.
/// </summary>
public sealed class GroupCommitTests
{
    private static readonly string[] Chats = ["r1", "r2", "r3", "r4", "r5"];

    [Fact]
    public async Task Turns_that_arrive_while_the_writer_is_busy_are_committed_together_and_each_answered()
    {
        var commits = new CommitCounter();
        using var store = new StoreHarness(interceptors: commits);
        var expected = await StartAllAndTopicTextsAsync(store);

        var turns = await InOneBatchAsync(store, commits, TopicTurn(store));

        Assert.Equal(1, commits.Count);
        await using var db = await store.Factory.CreateDbContextAsync();
        foreach (var (chat, turn) in Chats.Zip(turns))
        {
            var replies = await turn;
            Assert.Equal(expected, replies.Select(r => r.Text));
            var inbox = await db.Inbox.SingleAsync(i => i.ExternalId == chat + ":topic");
            Assert.Equal(InboxStatus.Done, inbox.Status);
            Assert.Equal(replies.Select(r => r.Id), await db.Outbox.Where(o => o.InboxId == inbox.Id).OrderBy(o => o.Sequence).Select(o => o.Id).ToListAsync());
        }
    }

    [Fact]
    public async Task A_turn_that_fails_inside_a_batch_fails_alone_and_the_others_are_kept()
    {
        var commits = new CommitCounter();
        using var store = new StoreHarness(interceptors: commits);
        var failing = new ThrowingWriter("r3");
        store.UseWriter(failing);
        var expected = await StartAllAndTopicTextsAsync(store);

        failing.Armed = true;
        var turns = await InOneBatchAsync(store, commits, TopicTurn(store));

        Assert.Equal(1, commits.Count);
        await using var db = await store.Factory.CreateDbContextAsync();
        foreach (var (chat, turn) in Chats.Zip(turns))
        {
            if (chat == "r3")
            {
                await Assert.ThrowsAsync<InvalidOperationException>(() => turn);
                Assert.False(await db.Inbox.AnyAsync(i => i.ExternalId == "r3:topic")); // not kept, so not acknowledged
                continue;
            }

            Assert.Equal(expected, (await turn).Select(r => r.Text));
            Assert.Equal(InboxStatus.Done, (await db.Inbox.SingleAsync(i => i.ExternalId == chat + ":topic")).Status);
        }

        // The resident whose turn failed sends again (the web chat retries with the same id): answered as anyone else.
        failing.Armed = false;
        Assert.Equal(expected, (await TopicTurn(store)("r3")).Select(r => r.Text));
    }

    [Fact]
    public async Task A_commit_that_fails_answers_none_of_its_batch_and_their_messages_run_when_sent_again()
    {
        var commits = new CommitCounter();
        using var store = new StoreHarness(interceptors: commits);
        var poison = new FailingCommitWriter("r2");
        store.UseWriter(poison);
        var expected = await StartAllAndTopicTextsAsync(store);

        poison.Armed = true;
        var turns = await InOneBatchAsync(store, commits, TopicTurn(store));

        foreach (var turn in turns)
        {
            var error = await Assert.ThrowsAsync<SqliteException>(() => turn);
            Assert.Equal(787, error.SqliteExtendedErrorCode); // SQLITE_CONSTRAINT_FOREIGNKEY, raised by the COMMIT
        }

        Assert.Equal(0, commits.Count);
        await using var db = await store.Factory.CreateDbContextAsync();
        Assert.False(await db.Inbox.AnyAsync(i => i.ExternalId.EndsWith(":topic")));

        poison.Armed = false;
        foreach (var chat in Chats)
        {
            Assert.Equal(expected, (await TopicTurn(store)(chat)).Select(r => r.Text));
            var inbox = await db.Inbox.SingleAsync(i => i.ExternalId == chat + ":topic");
            Assert.Equal(expected.Count, await db.Outbox.CountAsync(o => o.InboxId == inbox.Id));
        }
    }

    [Fact]
    public async Task Screenings_finished_in_one_batch_each_see_the_one_before_and_add_up_in_the_days_tally()
    {
        // The tally is read, then added to, by each turn's writer: a later turn of the batch must read the row an earlier
        // one wrote in the same, still open transaction, or it would insert a second row for the day and commune (the
        // unique index would then fail that resident's turn) or count one screening instead of five.
        var commits = new CommitCounter();
        using var store = new StoreHarness(interceptors: commits);
        var screener = (await Transcript.ReadInputsOfAsync(Transcript.RuralPoorScreening))
            .Where(s => s.Kind is "start" or "user" or "press").ToList();
        // The answer to the last question finishes the screening (the transcript then asks for the review's steps).
        var finishing = screener.FindIndex(s => s.Argument == "ra-soat") - 1;
        var last = screener[finishing];
        Assert.Equal("press", last.Kind); // a button: the same for every resident
        foreach (var chat in Chats)
        {
            foreach (var step in screener.Take(finishing))
            {
                await store.TurnAsync(step.Kind == "user" ? step.Argument : null, step.Kind == "press" ? step.Argument : null, step.Kind == "start", chatId: chat);
            }
        }

        var turns = await InOneBatchAsync(store, commits, chat => store.TurnAsync(null, payload: last.Argument, chatId: chat, externalId: chat + ":last"));

        Assert.Equal(1, commits.Count);
        foreach (var turn in turns)
        {
            Assert.Contains(await turn, r => r.Text.Contains("HỘ NGHÈO", StringComparison.Ordinal));
        }

        await using var db = await store.Factory.CreateDbContextAsync();
        var tally = Assert.Single(await db.ScreeningTallies.ToListAsync());
        Assert.Equal(("poor", Chats.Length), (tally.Result, tally.Count));
    }

    [Fact]
    public async Task A_writer_gate_that_fails_before_any_batch_fails_each_turn_instead_of_leaving_the_next_ones_waiting()
    {
        // While the host shuts down the gate is disposed and late requests can still arrive: each gets an error (the
        // channel's retry, or the resident's resend, brings it back later), none waits forever behind a writer that is gone.
        using var store = new StoreHarness();
        var gate = new SqliteWriteGate();
        var commits = new TurnCommits(gate);
        gate.Dispose();
        await using var db = await store.Factory.CreateDbContextAsync();

        for (var i = 0; i < 2; i++)
        {
            var turn = commits.CommitAsync(db, _ => Task.FromResult(1));
            // The minute is a guard against a hang, not a wait: the turn fails at once or not at all.
            await Assert.ThrowsAsync<ObjectDisposedException>(() => turn.WaitAsync(TimeSpan.FromMinutes(1)));
        }

        Assert.Equal(0, commits.Waiting);
    }

    private static Func<string, Task<IReadOnlyList<DeliveredReply>>> TopicTurn(StoreHarness store) =>
        chat => store.TurnAsync(null, payload: "bhyt", chatId: chat, externalId: chat + ":topic");

    /// <summary>Starts every resident's conversation, one at a time, and returns what the topic's turn answers in another one.</summary>
    private static async Task<IReadOnlyList<string>> StartAllAndTopicTextsAsync(StoreHarness store)
    {
        foreach (var chat in Chats.Append("other"))
        {
            await store.TurnAsync(null, isStart: true, chatId: chat);
        }

        return (await store.TurnAsync(null, payload: "bhyt", chatId: "other")).Select(r => r.Text).ToList();
    }

    /// <summary>
    /// Holds the writer gate, starts every resident's turn, lets go once all of them wait for the writer (so they are one
    /// batch), and returns the turns, in <see cref="Chats"/>' order. Commits are counted from here.
    /// </summary>
    private static async Task<List<Task<IReadOnlyList<DeliveredReply>>>> InOneBatchAsync(
        StoreHarness store, CommitCounter commits, Func<string, Task<IReadOnlyList<DeliveredReply>>> turn)
    {
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = store.Writes.WriteAsync(() => release.Task, CancellationToken.None);
        commits.Reset();
        var turns = Chats.Select(chat => Task.Run(() => turn(chat))).ToList();
        try
        {
            // Until every turn waits (or one ended early, or a hang guard passed: the assertion below reports it).
            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            while (store.Processor.TurnsWaitingToCommit < Chats.Length && !turns.Any(t => t.IsCompleted) && !guard.IsCancellationRequested)
            {
                await Task.Yield();
            }

            Assert.Equal(Chats.Length, store.Processor.TurnsWaitingToCommit);
        }
        finally
        {
            release.SetResult(true);
        }

        await held;
        await Task.WhenAll(turns.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        return turns;
    }

    private sealed class CommitCounter : DbTransactionInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Volatile.Write(ref _count, 0);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }

    /// <summary>A writer with a bug that shows for one resident: their turn throws inside its transaction.</summary>
    private sealed class ThrowingWriter(string chat) : ITurnOutputWriter
    {
        public bool Armed { get; set; }

        public Task WriteAsync(TurnOutput turn, CancellationToken ct) =>
            Armed && turn.Inbox.ChatId == chat ? throw new InvalidOperationException("a writer's bug") : Task.CompletedTask;
    }

    /// <summary>
    /// For one resident, a row that breaks a foreign key with the check deferred to the COMMIT: every statement of the
    /// batch succeeds and the COMMIT itself fails, as a real one can.
    /// </summary>
    private sealed class FailingCommitWriter(string chat) : ITurnOutputWriter
    {
        public bool Armed { get; set; }

        public async Task WriteAsync(TurnOutput turn, CancellationToken ct)
        {
            if (!Armed || turn.Inbox.ChatId != chat)
            {
                return;
            }

            await turn.Db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", ct);
            turn.Append(new TurnEventRecord { ConversationId = -1, InboxId = turn.Inbox.Id, Channel = turn.Inbox.Channel, Kind = "orphan", At = turn.Now });
        }
    }
}
