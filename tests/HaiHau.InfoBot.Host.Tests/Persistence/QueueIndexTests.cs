using System.Buffers.Binary;
using System.Data.Common;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Persistence;

/// <summary>
/// The inbox worker's queue index and the sender's holds pending rows only, an announcement's progress index only the
/// rows of an announcement and the ZNS spending index only sent ZNS messages (issue 15: a web turn's message is stored already done and its reply already sent, so neither
/// belongs in any of them, and each index left out is a B-tree page less for every turn to write). A partial index is used only
/// when the query's own condition implies the index's, so the queries the product sends are planned here on a real
/// SQLite file: if a query stopped naming the pending status or a broadcast, it would scan the whole table at a
/// million rows and this fails.
/// </summary>
public sealed class QueueIndexTests
{
    [Fact]
    public async Task The_queue_sender_spending_and_announcement_queries_the_product_sends_use_their_partial_indexes()
    {
        var ct = CancellationToken.None;
        var sent = new SentCommands();
        using var store = new StoreHarness(interceptors: sent);
        var writes = SqliteWriteGate.For(store.Provider);
        var broadcasts = new BroadcastStore(store.Factory, writes, store.Time);
        var id = await broadcasts.CreateAsync(new BroadcastDraft("Lịch tiêm phòng", null, Segment.Everyone, store.Time.GetUtcNow(), "officer"), ct);

        var dispatcher = new OutboxDispatcher(store.Factory, writes, store.Time);

        sent.Clear();
        await store.Inbox.PendingAsync(10, ct);
        var pending = sent.Take();
        await dispatcher.NextDueAtAsync(TelegramMapping.Channel, includeBulk: true, ct);
        var heads = sent.Take();
        await broadcasts.ZnsSentSinceAsync(store.Time.GetUtcNow().AddDays(-30), ct);
        var spending = sent.Take();
        await broadcasts.ProgressAsync(id, ct);
        await broadcasts.RouteProgressAsync(id, ct);
        var progress = sent.Take();

        await AssertUsesAsync(store.ConnectionString, pending, "IX_inbox_Status_Id", ct);
        await AssertUsesAsync(store.ConnectionString, heads, "IX_outbox_Channel_Status_Kind_ChatId", ct);
        await AssertUsesAsync(store.ConnectionString, spending, "IX_outbox_Channel_SentAt", ct);
        var plans = await PlansAsync(store.ConnectionString, progress.Where(c => c.Sql.Contains("\"outbox\"", StringComparison.Ordinal)).ToList(), ct);
        Assert.NotEmpty(plans);
        Assert.All(plans, p => Assert.Matches("IX_outbox_BroadcastId_(Status|ConversationId)", p));
        Assert.All(plans, p => Assert.DoesNotContain("SCAN o", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_web_turn_leaves_no_entry_in_these_indexes_and_a_pending_message_is_still_found()
    {
        var ct = CancellationToken.None;
        using var store = new StoreHarness();
        await store.TurnAsync("xin chào");
        var (stored, _) = await store.Inbox.AddAsync(store.Message("vay vốn", chatId: "t1", channel: TelegramMapping.Channel), ct);

        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync(ct);
        // ANALYZE counts each index's own entries (sqlite_stat1's first number); an empty index gets no row.
        await ScalarAsync(connection, "ANALYZE", ct);
        var entries = await EntriesAsync(connection, ct);
        Assert.Equal(2L, await ScalarAsync(connection, "SELECT count(*) FROM inbox", ct));
        Assert.True(await ScalarAsync(connection, "SELECT count(*) FROM outbox", ct) >= 1, "the web turn was answered");
        Assert.Equal(1L, entries.GetValueOrDefault("IX_inbox_Status_Id")); // the Telegram message waiting, not the web one
        Assert.Equal(0L, entries.GetValueOrDefault("IX_outbox_BroadcastId_Status")); // a reply is no announcement
        Assert.Equal(0L, entries.GetValueOrDefault("IX_outbox_Channel_Status_Kind_ChatId")); // nor waiting for a sender
        Assert.Equal(0L, entries.GetValueOrDefault("IX_outbox_Channel_SentAt")); // nor a paid ZNS message
        Assert.Equal([stored], await store.Inbox.PendingAsync(10, ct));
    }

    /// <summary>
    /// What one turn costs the single writer is the pages its COMMIT appends to the log: one per table and index it
    /// changes, each written whole. Measured from the log itself (a checkpoint empties it, then one turn; each frame is
    /// a 24-byte header and a page): an answered question writes twelve pages (the message and its external-id index,
    /// the reply and its two indexes, the events and their conversation and report indexes, the conversation, the reach
    /// row and its index, and the id counter) and none for turn_events' InboxId, which nothing reads (issue 15:
    /// thirteen before). A new index on this path fails here and says which B-trees the turn wrote.
    /// </summary>
    [Fact]
    public async Task An_answered_question_writes_twelve_pages_and_none_for_an_index_nothing_reads()
    {
        var ct = CancellationToken.None;
        using var store = new StoreHarness();
        await store.TurnAsync("xin chào");
        await store.TurnAsync("vay vốn");
        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync(ct);
        IReadOnlyList<DeliveredReply> replies = [];

        var pages = await WrittenBTreesAsync(connection, async () => replies = await store.TurnAsync("vay vốn nuôi lợn"), ct);

        Assert.Contains(replies, r => r.Text.Contains("vay", StringComparison.OrdinalIgnoreCase)); // answered, not refused
        Assert.DoesNotContain("IX_turn_events_InboxId", pages);
        // Counted by B-tree: a leaf that fills in this turn splits into more pages of the same tree (content grows), which is
        // no new cost of the schema.
        var trees = pages.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(trees.Count <= 12, $"{trees.Count} B-trees in {pages.Count} pages: {string.Join(", ", pages.Order(StringComparer.Ordinal))}");
    }

    /// <summary>
    /// The B-tree (table or index) of each page <paramref name="write"/> appends to the log. A checkpoint empties the log
    /// first; after the write the frames' page numbers are read, then a checkpoint copies the pages into the file and
    /// each B-tree of the schema is walked from its root page there (this SQLite has no dbstat table to ask).
    /// </summary>
    private static async Task<List<string>> WrittenBTreesAsync(SqliteConnection connection, Func<Task> write, CancellationToken ct)
    {
        const int header = 32, frameHeader = 24;
        var log = connection.DataSource + "-wal";
        await ScalarAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE)", ct);
        Assert.Equal(0, new FileInfo(log).Length);
        await write();

        var bytes = await File.ReadAllBytesAsync(log, ct);
        var pageSize = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8));
        var written = new List<long>();
        for (var at = header; at + frameHeader + pageSize <= bytes.Length; at += frameHeader + pageSize)
        {
            written.Add(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at)));
        }

        await ScalarAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE)", ct);
        var file = await File.ReadAllBytesAsync(connection.DataSource, ct);
        var owner = new Dictionary<long, string> { [1] = "sqlite_schema" };
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name, rootpage FROM sqlite_schema WHERE rootpage > 0";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                Walk(file, pageSize, reader.GetInt64(1), reader.GetString(0), owner);
            }
        }

        return written.Select(n => owner.GetValueOrDefault(n, $"page {n}")).ToList();
    }

    /// <summary>Every page of the B-tree under <paramref name="page"/>: an interior page (type 2 or 5) names its children.</summary>
    private static void Walk(byte[] file, int pageSize, long page, string name, Dictionary<long, string> owner)
    {
        owner[page] = name;
        var start = (int)((page - 1) * pageSize);
        var at = start + (page == 1 ? 100 : 0);
        if (file[at] is not (2 or 5))
        {
            return;
        }

        var cells = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(at + 3));
        for (var i = 0; i < cells; i++)
        {
            var cell = start + BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(at + 12 + (2 * i)));
            Walk(file, pageSize, BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(cell)), name, owner);
        }

        Walk(file, pageSize, BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at + 8)), name, owner);
    }

    private static async Task<Dictionary<string, long>> EntriesAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT idx, stat FROM sqlite_stat1 WHERE idx IS NOT NULL";
        var entries = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            entries[reader.GetString(0)] = long.Parse(reader.GetString(1).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }

        return entries;
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct) is long value ? value : 0;
    }

    [Fact]
    public async Task A_chats_replies_are_read_and_erased_through_its_conversation_index()
    {
        var ct = CancellationToken.None;
        var sent = new SentCommands();
        using var store = new StoreHarness(interceptors: sent);
        await store.TurnAsync("xin chào");
        await store.TurnAsync("vay vốn");
        await store.TurnAsync("bhyt", chatId: "c2"); // another chat's replies are not this chat's

        sent.Clear();
        var read = await store.Outbox.TakeAfterAsync("web", "c1", 0, ct);
        var reading = sent.Take();
        await using (var db = await store.Factory.CreateDbContextAsync(ct))
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Channel == "web" && c.ChatId == "c1", ct);
            var last = await db.Inbox.Where(i => i.ChatId == "c1").OrderByDescending(i => i.Id).FirstAsync(ct);
            sent.Clear();
            await ConversationEraser.EraseAsync(db, conversation, last, ct);
        }

        var erasing = sent.Take().Where(c => c.Sql.StartsWith("DELETE FROM \"outbox\"", StringComparison.Ordinal)).ToList();

        Assert.True(read.Count >= 2, "both turns' replies are read back");
        Assert.Equal(2, read.Count(r => r.Said is not null)); // each turn's first reply with what was said
        var readPlans = await PlansAsync(store.ConnectionString, reading.Where(c => c.Sql.Contains("FROM \"outbox\"", StringComparison.Ordinal)).ToList(), ct);
        Assert.Equal(3, readPlans.Count);
        Assert.All(readPlans, p => Assert.Contains("IX_outbox_ConversationId_Id", p, StringComparison.Ordinal));
        await AssertUsesAsync(store.ConnectionString, erasing, "IX_outbox_ConversationId_Id", ct);
        Assert.Empty(await store.Outbox.TakeAfterAsync("web", "c1", 0, ct));
        Assert.NotEmpty(await store.Outbox.TakeAfterAsync("web", "c2", 0, ct));
    }

    /// <summary>
    /// A turn's three look-ups (its message, its conversation, the resident's profile) run on statements kept on the
    /// SQLite connection, which EF's interceptors do not see; on a closed connection they take EF's path with the same
    /// SQL, which is planned here. Each must search an index: a scan would read the whole inbox on every turn.
    /// </summary>
    [Fact]
    public async Task A_turn_s_own_look_ups_search_an_index()
    {
        var ct = CancellationToken.None;
        var sent = new SentCommands();
        using var store = new StoreHarness(interceptors: sent);
        await store.TurnAsync("xin chào");
        await using var db = await store.Factory.CreateDbContextAsync(ct);

        sent.Clear();
        await TurnQueries.InboxByExternalIdAsync(db, "web", "m1", ct);
        await db.Database.CloseConnectionAsync(); // EF left it open after its read; closed, the next look-up takes EF's path too
        await TurnQueries.ConversationByChatAsync(db, "web", "c1", ct);
        await db.Database.CloseConnectionAsync();
        await TurnQueries.ProfileByConversationAsync(db, 1, ct);
        var lookUps = sent.Take();

        Assert.Equal(3, lookUps.Count);
        var plans = await PlansAsync(store.ConnectionString, lookUps, ct);
        Assert.All(plans, p => Assert.Matches("^SEARCH \\S+ USING (COVERING )?INDEX", p));
    }

    private static async Task AssertUsesAsync(string connectionString, IReadOnlyList<SentCommand> commands, string index, CancellationToken ct)
    {
        var plans = await PlansAsync(connectionString, commands, ct);
        Assert.True(plans.Any(p => p.Contains(index, StringComparison.Ordinal)),
            $"no query used {index}:\n{string.Join("\n", commands.Select(c => c.Sql).Zip(plans, (sql, plan) => $"{sql}\n  → {plan}"))}");
    }

    /// <summary>Each command's plan (EXPLAIN QUERY PLAN with the same parameter values), its lines joined.</summary>
    private static async Task<List<string>> PlansAsync(string connectionString, IReadOnlyList<SentCommand> commands, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        var plans = new List<string>();
        foreach (var (sql, parameters) in commands)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                lines.Add(reader.GetString(3));
            }

            plans.Add(string.Join(" | ", lines));
        }

        return plans;
    }
}
