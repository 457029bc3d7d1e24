using HaiHau.InfoBot.Storage;

namespace HaiHau.InfoBot.Host.Tests.Persistence;

/// <summary>
/// One turn at a time per conversation, and only per conversation: a resident's turn never waits for another
/// resident's. (With a fixed set of hashed semaphores, two residents could share one; a turn keeps its lock until its
/// group commit, so GroupCommitTests hung when two of its chats did.)
/// </summary>
public sealed class ConversationLocksTests
{
    [Fact]
    public async Task While_one_resident_s_turn_runs_no_other_resident_waits()
    {
        using var locks = new ConversationLocks();
        using var running = await locks.AcquireAsync("web", "resident-0", CancellationToken.None);

        // A thousand others: with 256 hashed semaphores some of them would wait for resident-0 or for each other.
        var others = Enumerable.Range(1, 1000).Select(i => locks.AcquireAsync(i % 2 == 0 ? "zalo" : "telegram", "resident-" + i, CancellationToken.None)).ToList();

        Assert.All(others, o => Assert.True(o.IsCompletedSuccessfully));
        foreach (var other in others)
        {
            (await other).Dispose();
        }
    }

    [Fact]
    public async Task A_resident_s_second_message_waits_for_the_first_turn()
    {
        using var locks = new ConversationLocks();
        var first = await locks.AcquireAsync("zalo", "resident-1", CancellationToken.None);

        var second = locks.AcquireAsync("zalo", "resident-1", CancellationToken.None);
        var waited = !second.IsCompleted;
        first.Dispose();
        using var held = await second.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(waited);
    }

    [Fact]
    public async Task Nothing_is_kept_for_residents_once_their_turns_are_done_or_given_up()
    {
        using var locks = new ConversationLocks();
        for (var i = 0; i < 100; i++)
        {
            (await locks.AcquireAsync("web", "resident-" + i, CancellationToken.None)).Dispose();
        }

        var first = await locks.AcquireAsync("web", "resident-x", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var givenUp = locks.AcquireAsync("web", "resident-x", cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => givenUp);
        Assert.Equal(1, locks.Held); // resident-x, still running
        first.Dispose();

        Assert.Equal(0, locks.Held);
    }
}
