using System.ComponentModel.DataAnnotations;

namespace HaiHau.InfoBot.Host.Setup;

/// <summary>How fast and when push channels send (InfoBot:Delivery).</summary>
public sealed class DeliveryOptions
{
    public const string Section = "InfoBot:Delivery";

    /// <summary>No announcement goes out from this local time … (replies to residents are never held).</summary>
    [RegularExpression(@"^\d{2}:\d{2}$")]
    public string QuietHoursStart { get; set; } = "21:00";

    /// <summary>… until this one, the next morning. Equal to the start: no quiet hours.</summary>
    [RegularExpression(@"^\d{2}:\d{2}$")]
    public string QuietHoursEnd { get; set; } = "06:30";

    /// <summary>The time zone of the quiet hours and of scheduled announcements.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Per channel. Defaults: Telegram 25 a second overall and one bulk message a second per chat; Zalo 60 a second (3,600 a minute, within its 4,000).</summary>
    public Dictionary<string, ChannelRateOptions> Rates { get; set; } = new(StringComparer.Ordinal)
    {
        ["telegram"] = new ChannelRateOptions { MessagesPerSecond = 25, BulkPerChatInterval = TimeSpan.FromSeconds(1) },
        ["zalo"] = new ChannelRateOptions { MessagesPerSecond = 60, BulkPerChatInterval = TimeSpan.FromSeconds(1) },
    };

    public ChannelRateOptions RateFor(string channel) => Rates.TryGetValue(channel, out var rate) ? rate : new ChannelRateOptions();
}

public sealed class ChannelRateOptions
{
    /// <summary>All messages on the channel, replies and bulk together.</summary>
    [Range(0.1, 10_000)]
    public double MessagesPerSecond { get; set; } = 25;

    /// <summary>At least this long between two announcements to the same chat.</summary>
    public TimeSpan BulkPerChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Sends in flight at once (different chats): enough to reach the rate over a slow network.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 8;
}
