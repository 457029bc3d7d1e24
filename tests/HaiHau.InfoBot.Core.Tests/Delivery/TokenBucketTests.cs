using HaiHau.InfoBot.Core.Delivery;

namespace HaiHau.InfoBot.Core.Tests.Delivery;

/// <summary>The channel budget: never more than a second's worth at once, refilled at the configured rate.</summary>
public sealed class TokenBucketTests
{
    private static readonly DateTimeOffset Start = new(2022, 9, 15, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void A_full_bucket_allows_one_seconds_worth_and_then_waits()
    {
        var bucket = new TokenBucket(25, Start);

        var taken = Enumerable.Range(0, 100).Count(_ => bucket.TryTake(Start));

        Assert.Equal(25, taken);
        Assert.Equal(TimeSpan.FromSeconds(1.0 / 25), bucket.Wait(Start));
    }

    [Fact]
    public void Over_ten_seconds_it_allows_the_rate_and_no_more()
    {
        var bucket = new TokenBucket(30, Start);
        var sent = 0;
        for (var ms = 0; ms <= 10_000; ms += 5)
        {
            while (bucket.TryTake(Start.AddMilliseconds(ms)))
            {
                sent++;
            }
        }

        Assert.Equal(30 + (10 * 30), sent); // the first second's burst, then 30 a second
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
        Assert.False(bucket.TryTake(Start.AddSeconds(1)));
        Assert.True(bucket.TryTake(Start.AddSeconds(2)));
    }
}
