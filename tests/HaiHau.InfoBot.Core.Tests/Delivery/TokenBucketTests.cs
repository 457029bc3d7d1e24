using HaiHau.InfoBot.Core.Delivery;

namespace HaiHau.InfoBot.Core.Tests.Delivery;

/// <summary>The channel budget: sends spaced evenly at the configured rate, replies counted without waiting.</summary>
public sealed class TokenBucketTests
{
    private static readonly DateTimeOffset Start = new(2022, 9, 15, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Sends_are_spaced_evenly_rather_than_bunched()
    {
        var bucket = new TokenBucket(25, Start);

        Assert.Equal(2, Enumerable.Range(0, 100).Count(_ => bucket.TryTake(Start))); // at most two saved up
        Assert.Equal(TimeSpan.FromSeconds(1.0 / 25), bucket.Wait(Start));
        Assert.False(bucket.TryTake(Start.AddMilliseconds(39)));
        Assert.True(bucket.TryTake(Start.AddMilliseconds(40)));
        Assert.False(bucket.TryTake(Start.AddMilliseconds(79)));
    }

    [Fact]
    public void Late_wake_ups_lose_nothing_and_no_second_sees_more_than_the_rate_plus_one()
    {
        var bucket = new TokenBucket(30, Start);
        var sends = new List<DateTimeOffset>();
        for (var ms = 0; ms <= 10_000; ms += 7) // a timer 7 ms coarse: most wake-ups come late
        {
            while (bucket.TryTake(Start.AddMilliseconds(ms)))
            {
                sends.Add(Start.AddMilliseconds(ms));
            }
        }

        Assert.InRange(sends.Count, 300, 302); // ten seconds at 30, plus what was saved up at the start
        var busiest = sends.Max(t => sends.Count(u => u >= t && u < t.AddSeconds(1)));
        Assert.True(busiest <= 31, $"{busiest} sends in one second");
    }

    [Fact]
    public void A_larger_burst_allows_that_many_at_once()
    {
        var bucket = new TokenBucket(25, Start, burst: 25);

        Assert.Equal(25, Enumerable.Range(0, 100).Count(_ => bucket.TryTake(Start)));
    }

    [Fact]
    public void Replies_taken_on_credit_hold_back_the_next_announcements()
    {
        var bucket = new TokenBucket(25, Start);

        bucket.Take(Start);
        bucket.Take(Start);
        bucket.Take(Start); // three replies at once: one more than the budget had

        Assert.False(bucket.TryTake(Start.AddMilliseconds(79)));
        Assert.True(bucket.TryTake(Start.AddMilliseconds(80)));
    }

    [Fact]
    public void After_a_throttle_it_starts_empty()
    {
        var bucket = new TokenBucket(25, Start);

        bucket.Drain(Start);

        Assert.False(bucket.TryTake(Start));
        Assert.True(bucket.TryTake(Start.AddMilliseconds(40)));
    }

    [Fact]
    public void A_slow_rate_still_sends_one_at_a_time()
    {
        var bucket = new TokenBucket(0.5, Start);

        Assert.True(bucket.TryTake(Start));
        Assert.True(bucket.TryTake(Start)); // the saved-up one
        Assert.False(bucket.TryTake(Start.AddSeconds(1)));
        Assert.True(bucket.TryTake(Start.AddSeconds(2)));
    }
}
