using HaiHau.InfoBot.Core.Delivery;

namespace HaiHau.InfoBot.Core.Tests.Delivery;

/// <summary>The sliding window a platform counts in: never more than the limit in any one second.</summary>
public sealed class SendWindowTests
{
    private static readonly DateTimeOffset Start = new(2022, 9, 15, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void The_limit_holds_in_any_second_and_room_comes_back_as_the_oldest_send_leaves()
    {
        var window = SendWindow.PerSecond(29.5); // whole messages only: 29
        for (var i = 0; i < 29; i++)
        {
            Assert.Equal(TimeSpan.Zero, window.Wait(Start.AddMilliseconds(10 * i)));
            window.Add(Start.AddMilliseconds(10 * i));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(700), window.Wait(Start.AddMilliseconds(300)));
        Assert.Equal(TimeSpan.Zero, window.Wait(Start.AddSeconds(1)));
    }

    [Fact]
    public void Replies_beyond_the_limit_are_counted_and_announcements_wait_until_they_have_left()
    {
        var window = new SendWindow(2, TimeSpan.FromSeconds(1));
        window.Add(Start);
        window.Add(Start.AddMilliseconds(100));
        window.Add(Start.AddMilliseconds(200)); // a reply: never held, but it used the allowance

        Assert.Equal(TimeSpan.FromMilliseconds(900), window.Wait(Start.AddMilliseconds(200)));
        Assert.Equal(TimeSpan.Zero, window.Wait(Start.AddMilliseconds(1100)));
    }
}
