using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Postgres;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Persistence;

/// <summary>
/// Sends are claimed with a lease and marked in flight before the platform call (issues 14 and 16): two senders never
/// send the same row, and a sender that dies mid-send has its rows taken over when the lease ends — no resident
/// skipped, and the duplicates no more than the rows that were in flight. "Dying" is abandoning the lease; the fake
/// clock moves past it. Two senders are two <see cref="OutboxLeases"/> (two owners) over one database, as two hosts.
/// </summary>
public sealed class OutboxLeaseTests
{
    private const string Channel = "telegram";

    private sealed record Sender(OutboxDispatcher Dispatcher, OutboxLeases Leases);

    private static Sender NewSender(StoreHarness store) =>
        new(new OutboxDispatcher(store.Factory, store.Writes, store.Time), new OutboxLeases(store.Factory, store.Writes, store.Time));

    [Theory, OnSqlite, OnPostgres]
    public async Task A_sender_dying_mid_send_has_its_rows_taken_over_after_the_lease_no_one_skipped_duplicates_within_the_rows_in_flight(DatabaseProvider provider)
    {
        using var store = new StoreHarness(provider: provider);
        await SeedAsync(store, 40);
        var platform = new List<string>(); // every chat id the fake platform delivered to, duplicates included
        var (a, b) = (NewSender(store), NewSender(store));

        // A claims a batch of 10, delivers and records 6, delivers 2 more and dies before recording them; 2 never go out.
        var claimedByA = await ClaimDueAsync(a, 10);
        Assert.Equal(10, claimedByA.Count);
        foreach (var row in claimedByA.Take(6))
        {
            await SendAsync(a, row, platform);
        }

        platform.AddRange(claimedByA.Skip(6).Take(2).Select(r => r.To.ChatId));
        var inFlight = claimedByA.Skip(6).Select(r => r.Id).ToHashSet();

        // B meanwhile sends everything else, and never a row A holds.
        var sentByB = await DrainAsync(b, platform);
        Assert.Equal(30, sentByB.Count);
        Assert.Empty(sentByB.Intersect(inFlight));
        var leaseEnds = await b.Dispatcher.NextDueAtAsync(Channel, includeBulk: false, CancellationToken.None);
        Assert.Equal(store.Time.GetUtcNow() + OutboxLeases.Lease, leaseEnds);

        store.Time.Advance(OutboxLeases.Lease + TimeSpan.FromSeconds(1));
        var takenOver = await DrainAsync(b, platform);

        Assert.Equal(inFlight.Order(), takenOver.Order());
        Assert.Equal(40, platform.Distinct().Count()); // no one skipped
        Assert.Equal(2, platform.Count - 40); // sent twice: only the two delivered but unrecorded when A died
        Assert.InRange(platform.Count - 40, 0, inFlight.Count);
        await using var db = await store.Factory.CreateDbContextAsync();
        Assert.True(await db.Outbox.AllAsync(o => o.Status == OutboxStatus.Sent && o.ClaimedBy == null && o.LeaseUntil == null));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Senders_claiming_the_same_rows_at_once_never_share_one(DatabaseProvider provider)
    {
        using var store = new StoreHarness(provider: provider);
        await SeedAsync(store, 60);
        var senders = Enumerable.Range(0, 6).Select(_ => NewSender(store)).ToList();
        var due = (await senders[0].Dispatcher.DueAsync(Channel, 100, includeBulk: false, CancellationToken.None)).Select(d => d.Id).ToList();

        var claims = await Task.WhenAll(senders.Select(s => Task.Run(() => s.Leases.ClaimAsync(due, CancellationToken.None))));

        Assert.Equal(60, claims.Sum(c => c.Count));
        Assert.Equal(60, claims.SelectMany(c => c).Distinct().Count());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task At_start_up_the_sends_the_last_run_left_in_flight_are_released_to_go_again(DatabaseProvider provider)
    {
        using var store = new StoreHarness(provider: provider);
        await SeedAsync(store, 5);
        var before = NewSender(store);
        Assert.Equal(5, (await ClaimDueAsync(before, 5)).Count); // then the process is killed

        var restarted = NewSender(store);
        Assert.Empty(await restarted.Dispatcher.DueAsync(Channel, 10, includeBulk: false, CancellationToken.None));
        var released = await restarted.Leases.ReconcileAsync(soleHost: true, CancellationToken.None);

        Assert.Equal(5, released);
        Assert.Equal(5, (await ClaimDueAsync(restarted, 10)).Count);
    }

    private static async Task SeedAsync(StoreHarness store, int residents)
    {
        var now = store.Time.GetUtcNow();
        await using var db = await store.Factory.CreateDbContextAsync();
        for (var i = 0; i < residents; i++)
        {
            var conversation = new ConversationRecord { Channel = Channel, ChatId = $"r{i}", UserId = $"r{i}", CreatedAt = now, UpdatedAt = now };
            db.Outbox.Add(new OutboxRecord { Conversation = conversation, Channel = Channel, ChatId = conversation.ChatId, Text = "Thông báo họp thôn", CreatedAt = now, NextAttemptAt = now });
        }

        await db.SaveChangesAsync();
    }

    private static async Task<List<OutboxDelivery>> ClaimDueAsync(Sender sender, int take)
    {
        var due = await sender.Dispatcher.DueAsync(Channel, take, includeBulk: false, CancellationToken.None);
        var claimed = await sender.Leases.ClaimAsync(due.Select(d => d.Id).ToList(), CancellationToken.None);
        return due.Where(d => claimed.Contains(d.Id)).ToList();
    }

    private static async Task SendAsync(Sender sender, OutboxDelivery row, List<string> platform)
    {
        platform.Add(row.To.ChatId);
        await sender.Dispatcher.RecordAsync(row.Id, new SendResult.Sent($"m{platform.Count}"), CancellationToken.None);
    }

    /// <summary>Sends whatever the sender can claim until nothing is due; returns the rows it sent.</summary>
    private static async Task<List<long>> DrainAsync(Sender sender, List<string> platform)
    {
        var sent = new List<long>();
        while ((await ClaimDueAsync(sender, 7)) is { Count: > 0 } batch)
        {
            foreach (var row in batch)
            {
                await SendAsync(sender, row, platform);
                sent.Add(row.Id);
            }
        }

        return sent;
    }
}
