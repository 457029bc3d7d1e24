using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Host.Turns;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HaiHau.InfoBot.Host.Tests.Turns;

/// <summary>
/// Recovery (at start-up and in the 30-second sweep) runs the stored messages still pending, oldest first. A message
/// whose turn keeps failing must not stop the others: before, the first failure ended the whole recovery, so the host
/// refused to start and every later sweep stopped at the same row, leaving every newer message unanswered. After
/// <see cref="TurnProcessor.MaxAttempts"/> failures the message is given up, as a turn the engine cannot run is.
/// </summary>
public sealed class RecoveryKeepsGoingTests
{
    [Fact]
    public async Task A_message_whose_turn_fails_is_left_pending_while_the_newer_ones_are_answered_and_given_up_at_the_third_failure()
    {
        var ct = CancellationToken.None;
        using var store = new StoreHarness();
        await store.TurnAsync("xin chào"); // a conversation for the broken row to point at
        var (broken, _) = await store.Inbox.AddAsync(store.Message("vay vốn", chatId: "t1", channel: TelegramMapping.Channel), ct);
        var (good, _) = await store.Inbox.AddAsync(store.Message("học nghề", chatId: "t2", channel: TelegramMapping.Channel), ct);
        // A reply already stored under the broken message's first sequence: its turn's own reply breaks the unique
        // (message, sequence) index every time it is written, as a damaged row would.
        await using (var connection = new SqliteConnection(store.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO outbox (ConversationId, Channel, ChatId, InboxId, Sequence, Kind, Text, ChoicesJson, Status, Attempts, CreatedAt, NextAttemptAt) " +
                "SELECT Id, 'telegram', 't1', $inbox, 0, 0, 'x', '[]', 1, 1, 0, 0 FROM conversations LIMIT 1";
            command.Parameters.AddWithValue("$inbox", broken);
            await command.ExecuteNonQueryAsync(ct);
        }

        var logger = new RecordingLogger();
        var looked = await StoreInitializer.RecoverAsync(store.Inbox, store.Processor, logger, ct);

        Assert.Equal(2, looked);
        Assert.Equal([broken], await store.Inbox.PendingAsync(10, ct)); // left for the next sweep, not lost
        Assert.Contains(broken.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(logger.Errors), StringComparison.Ordinal);
        await using var db = await store.Factory.CreateDbContextAsync(ct);
        Assert.Equal(InboxStatus.Done, (await db.Inbox.SingleAsync(i => i.Id == good, ct)).Status);
        Assert.True(await db.Outbox.AnyAsync(o => o.InboxId == good && o.Status == OutboxStatus.Pending, ct), "the newer message's reply waits for the sender");

        // Two more sweeps fail it again; at the third failure it is given up: kept, marked failed with the error, and
        // no longer retried (nor logged every 30 seconds).
        await StoreInitializer.RecoverAsync(store.Inbox, store.Processor, logger, ct);
        Assert.Equal([broken], await store.Inbox.PendingAsync(10, ct));
        await StoreInitializer.RecoverAsync(store.Inbox, store.Processor, logger, ct);
        Assert.Empty(await store.Inbox.PendingAsync(10, ct));
        var givenUp = await db.Inbox.AsNoTracking().SingleAsync(i => i.Id == broken, ct);
        Assert.Equal((InboxStatus.Failed, TurnProcessor.MaxAttempts, nameof(SqliteException)), (givenUp.Status, givenUp.Attempts, givenUp.Error));
        Assert.Equal("vay vốn", givenUp.Text); // given up, not lost: staff can still read it
        Assert.Contains("given up", logger.Errors[^1], StringComparison.Ordinal);
        Assert.Equal(0, await StoreInitializer.RecoverAsync(store.Inbox, store.Processor, logger, ct));
        Assert.Equal(3, logger.Errors.Count);
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<string> Errors { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                Errors.Add(formatter(state, exception));
            }
        }
    }
}
