using HaiHau.InfoBot.Host.Operations;
using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.Operations;

/// <summary>The serving host copies SQLite's write-ahead log into the database as it goes, beside the turns' commits.</summary>
public sealed class WalCheckpointTests : HostTestBase
{
    [Fact]
    public async Task While_turns_are_written_the_log_is_copied_into_the_database_and_starts_again_instead_of_growing()
    {
        var clock = new WatchedClock(InfoBotApp.NewClock().GetUtcNow());
        var firstWait = clock.WaitStartedAsync(WalCheckpointWorker.Interval);
        using var app = NewApp(clock);
        var chat = new WebChatClient(app.CreateClient());
        await firstWait.WaitAsync(TimeSpan.FromSeconds(30));
        var log = new FileInfo(Path.Combine(Folder.Path, "infobot.db-wal"));

        var sizes = new List<long>();
        var answered = new Dictionary<string, int>();
        for (var moment = 0; moment < 3; moment++)
        {
            var conversation = (await chat.StartAsync()).ConversationId;
            answered[conversation] = 0;
            for (var i = 0; i < 15; i++)
            {
                var replies = (await chat.SendAsync(conversation, "thẻ bhyt hộ nghèo")).Replies;
                Assert.NotEmpty(replies);
                answered[conversation] += replies.Count;
            }

            log.Refresh();
            sizes.Add(log.Length);
            var nextWait = clock.WaitStartedAsync(WalCheckpointWorker.Interval);
            clock.Advance(WalCheckpointWorker.Interval);
            await nextWait.WaitAsync(TimeSpan.FromSeconds(30)); // the checkpoint ran and the worker waits for the next moment
        }

        // Left to SQLite (a checkpoint only past 10,000 pages now) the log would hold all three moments' pages.
        Assert.True(sizes[2] < sizes[0] * 3 / 2, $"the log grew from {sizes[0]} to {sizes[2]} bytes: it was not checkpointed");
        foreach (var (conversation, replies) in answered)
        {
            // Nothing lost on the way: every reply is still there to read back (the greeting besides).
            Assert.True((await chat.HistoryAsync(conversation)).Replies.Count > replies);
        }
    }
}
