using HaiHau.InfoBot.Core.Delivery;

namespace HaiHau.InfoBot.Core.Tests.Delivery;

/// <summary>
/// The sliding window a platform counts in: never more than the limit in any one second, counting each send from its
/// start until a second after its answer, so a request that reached the platform late cannot push it over.
/// </summary>
public sealed class SendWindowTests
{
    private static readonly DateTimeOffset Start = new(2022, 9, 15, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void The_limit_is_the_rate_rounded_up_and_room_comes_back_a_second_after_the_oldest_answer()
    {
        var window = SendWindow.PerSecond(29.5); // 30: an even 29.5 a second never puts 31 in one second
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(TimeSpan.Zero, window.Wait(Start.AddMilliseconds(10 * i)));
            window.Start();
            window.Answered(Start.AddMilliseconds((10 * i) + 5));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(705), window.Wait(Start.AddMilliseconds(300)));
        Assert.Equal(TimeSpan.Zero, window.Wait(Start.AddMilliseconds(1005)));
    }

    [Fact]
    public void A_send_still_waiting_for_its_answer_takes_room_in_the_window()
    {
        var window = new SendWindow(2, TimeSpan.FromSeconds(1));
        window.Start();
        window.Start();

        Assert.True(window.Wait(Start.AddSeconds(5)) > TimeSpan.Zero); // however long the platform takes to answer

        window.AnsweredAll(Start.AddSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(1), window.Wait(Start.AddSeconds(5)));
        Assert.Equal(TimeSpan.Zero, window.Wait(Start.AddSeconds(6)));
    }

    [Fact]
    public void Replies_beyond_the_limit_are_counted_and_announcements_wait_until_they_have_left()
    {
        var window = new SendWindow(2, TimeSpan.FromSeconds(1));
        foreach (var ms in (int[])[0, 100, 200]) // the third: a reply, never held, but it used the allowance
        {
            window.Start();
            window.Answered(Start.AddMilliseconds(ms));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(900), window.Wait(Start.AddMilliseconds(200)));
        Assert.Equal(TimeSpan.Zero, window.Wait(Start.AddMilliseconds(1100)));
    }
}
