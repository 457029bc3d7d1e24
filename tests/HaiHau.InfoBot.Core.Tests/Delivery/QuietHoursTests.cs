using HaiHau.InfoBot.Core.Delivery;

namespace HaiHau.InfoBot.Core.Tests.Delivery;

/// <summary>Announcements stop at 21:00 and resume at 06:30, Vietnam time, whatever the server's own zone.</summary>
public sealed class QuietHoursTests
{
    private static readonly QuietHours Night = new(new TimeOnly(21, 0), new TimeOnly(6, 30), QuietHours.VietnamZone);

    private static DateTimeOffset Vietnam(int hour, int minute) => new(2022, 9, 15, hour, minute, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(20, 59, false)]
    [InlineData(21, 0, true)]
    [InlineData(23, 59, true)]
    [InlineData(0, 0, true)]
    [InlineData(6, 29, true)]
    [InlineData(6, 30, false)]
    [InlineData(12, 0, false)]
    public void The_window_crosses_midnight(int hour, int minute, bool quiet) =>
        Assert.Equal(quiet, Night.IsQuiet(Vietnam(hour, minute)));

    [Fact]
    public void A_server_clock_in_UTC_is_read_in_Vietnam_time()
    {
        var utcEvening = new DateTimeOffset(2022, 9, 15, 14, 30, 0, TimeSpan.Zero); // 21:30 in Hải Hậu

        Assert.True(Night.IsQuiet(utcEvening));
        Assert.Equal(new DateTimeOffset(2022, 9, 16, 6, 30, 0, TimeSpan.FromHours(7)), Night.EndsAt(utcEvening));
    }

    [Fact]
    public void After_midnight_the_window_ends_the_same_morning()
    {
        Assert.Equal(Vietnam(6, 30), Night.EndsAt(Vietnam(2, 0)));
        Assert.Equal(Vietnam(12, 0), Night.EndsAt(Vietnam(12, 0)));
    }

    [Fact]
    public void Equal_start_and_end_switch_quiet_hours_off()
    {
        var off = new QuietHours(new TimeOnly(21, 0), new TimeOnly(21, 0), QuietHours.VietnamZone);

        Assert.False(off.IsQuiet(Vietnam(21, 0)));
        Assert.False(off.IsQuiet(Vietnam(3, 0)));
    }
}
