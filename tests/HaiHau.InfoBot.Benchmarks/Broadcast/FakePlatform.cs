using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Telegram;
using HaiHau.InfoBot.TestKit.Zalo;

namespace HaiHau.InfoBot.Benchmarks.Broadcast;

/// <summary>The fake Telegram or fake Zalo with its rate cap on, the bot's settings for it, and its chat ids.</summary>
public sealed class FakePlatform : IAsyncDisposable
{
    private readonly Func<ValueTask> _dispose;

    private FakePlatform(string channel, SlidingWindowCap cap, Dictionary<string, string?> settings, Func<int, string> chatId, Func<ValueTask> dispose, FakeZaloApi? zalo = null)
    {
        Zalo = zalo;
        Channel = channel;
        Cap = cap;
        Settings = settings;
        ChatId = chatId;
        _dispose = dispose;
    }

    public string Channel { get; }

    /// <summary>The fake Zalo, when the run is Zalo's (its window, ZNS deliveries and refusals are read after the run).</summary>
    public FakeZaloApi? Zalo { get; }

    /// <summary>Every send call the platform saw, with its arrival time and whether the cap let it through.</summary>
    public SlidingWindowCap Cap { get; }

    public Dictionary<string, string?> Settings { get; }

    /// <summary>The n-th resident's chat (and user) id on this platform.</summary>
    public Func<int, string> ChatId { get; }

    public static async Task<FakePlatform> StartAsync(BroadcastOptions options)
    {
        var cap = new SlidingWindowCap(options.CapPerWindow, options.Window);
        if (options.Channel == TelegramMapping.Channel)
        {
            var telegram = await FakeTelegramApi.StartAsync();
            telegram.SendCap = cap;
            var settings = new Dictionary<string, string?>
            {
                ["InfoBot:Telegram:BotToken"] = FakeTelegramApi.Token,
                ["InfoBot:Telegram:ApiBaseUrl"] = telegram.BaseUrl,
                ["InfoBot:Telegram:Mode"] = nameof(TelegramMode.Polling), // the fake has no updates: the poller idles
            };
            return new FakePlatform(TelegramMapping.Channel, cap, settings, n => (500_000_000L + n).ToString(System.Globalization.CultureInfo.InvariantCulture), telegram.DisposeAsync);
        }

        var zalo = await FakeZaloApi.StartAsync();
        zalo.SendCap = cap;
        var zaloSettings = zalo.Settings();
        zalo.EnforceWindow = options.SilentShare > 0 || options.Zns;
        if (options.Zns)
        {
            // The OA's daily ZNS quota is the run's size: the bot must plan and pace within it, never past it.
            zalo.AddTemplate(ZnsTemplate, "noi_dung", "ngay");
            zalo.ZnsDailyQuota = options.Residents;
            zaloSettings["InfoBot:Zalo:Routes:Zns"] = "true"; // the template's mapping is seeded as officers make it (BroadcastCommand)
            zaloSettings["InfoBot:Zalo:Routes:ZnsPrice"] = "300";
            zaloSettings["InfoBot:Zalo:Routes:ZnsMonthlyBudget"] = "100000000";
            zaloSettings["InfoBot:Zalo:Routes:ZnsDailyQuota"] = options.Residents.ToString(System.Globalization.CultureInfo.InvariantCulture);
            zaloSettings["InfoBot:Zalo:Routes:BusinessBaseUrl"] = zalo.BaseUrl.ToString();
        }

        return new FakePlatform(ZaloWebhookReader.Channel, cap, zaloSettings, n => (2_468_458_835_291_000_000L + n).ToString(System.Globalization.CultureInfo.InvariantCulture), zalo.DisposeAsync, zalo);
    }

    public const string ZnsTemplate = "tb-giam-ngheo";

    /// <summary>The n-th resident's consented phone (a Vietnamese mobile number, as residents type it).</summary>
    public static string Phone(int n) => "09" + n.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => _dispose();
}
