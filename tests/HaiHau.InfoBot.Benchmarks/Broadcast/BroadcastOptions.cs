using System.Globalization;

namespace HaiHau.InfoBot.Benchmarks.Broadcast;

/// <summary>
/// The broadcast run's knobs. Caps are the platforms' (Telegram 30 a second, Zalo 4,000 a minute); the bot's rate is
/// set just under the cap, as an operator would. Zalo's window can be scaled down (same rate, shorter window) so the
/// window slides several times within a short run.
/// </summary>
public sealed record BroadcastOptions
{
    public required string Channel { get; init; }

    public int Residents { get; init; } = 10_000;

    /// <summary>The platform's window: 1 s for Telegram, 60 s for Zalo (or less with --zalo-window).</summary>
    public TimeSpan Window { get; init; }

    /// <summary>Calls the platform accepts per window.</summary>
    public int CapPerWindow { get; init; }

    /// <summary>InfoBot:Delivery:Rates:{channel}:MessagesPerSecond for the run.</summary>
    public double BotRate { get; init; }

    public double CapPerSecond => CapPerWindow / Window.TotalSeconds;

    /// <summary>--silent-share: the share of residents who last wrote to the OA a month ago, outside the 7-day window (Zalo).</summary>
    public double SilentShare { get; init; }

    /// <summary>--zns: the ZNS route on, every silent resident with a consented phone (Zalo).</summary>
    public bool Zns { get; init; }

    /// <summary>Names the run in broadcast-results.json, e.g. "telegram", "zalo-quick-window6s".</summary>
    public string Key { get; init; } = string.Empty;

    public static BroadcastOptions Parse(string[] args)
    {
        string? channel = null;
        int? residents = null;
        double? rate = null;
        var zaloWindowSeconds = 60;
        var quick = false;
        var silentShare = 0.0;
        var zns = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--channel":
                    channel = i + 1 < args.Length ? args[++i] : null;
                    break;
                case "--residents":
                    residents = (int)Number(args, ++i);
                    break;
                case "--rate":
                    rate = Number(args, ++i);
                    break;
                case "--zalo-window":
                    zaloWindowSeconds = (int)Number(args, ++i);
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--silent-share":
                    silentShare = i + 1 < args.Length && double.TryParse(args[++i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var share) && share is >= 0 and <= 1
                        ? share
                        : throw new ArgumentException("expected a share between 0 and 1 after --silent-share");
                    break;
                case "--zns":
                    zns = true;
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]} (known: --channel telegram|zalo, --residents N, --rate R, --zalo-window SECONDS, --quick, --silent-share S, --zns)");
            }
        }

        var options = channel switch
        {
            // 29.5 of 30: a 1-second window sees at most 30 of an even 29.5/s stream (31 would span 1.017 s).
            "telegram" => new BroadcastOptions { Channel = channel, Window = TimeSpan.FromSeconds(1), CapPerWindow = 30, BotRate = rate ?? 29.5 },
            // 4,000 a minute is 66.7/s; 65.5/s leaves the same ~1.7% margin. The window scales, the rate does not.
            "zalo" => new BroadcastOptions
            {
                Channel = channel,
                Window = TimeSpan.FromSeconds(zaloWindowSeconds),
                CapPerWindow = (int)Math.Round(4000.0 * zaloWindowSeconds / 60),
                BotRate = rate ?? 65.5,
            },
            _ => throw new ArgumentException("--channel telegram|zalo is required"),
        };
        if ((silentShare > 0 || zns) && options.Channel != "zalo")
        {
            throw new ArgumentException("--silent-share and --zns are Zalo's (its 7-day window and ZNS)");
        }

        options = options with { Residents = residents ?? (quick ? 1_000 : 10_000), SilentShare = silentShare, Zns = zns };
        var key = channel + (quick ? "-quick" : "") + (channel == "zalo" && zaloWindowSeconds != 60 ? $"-window{zaloWindowSeconds.ToString(CultureInfo.InvariantCulture)}s" : "")
            + (silentShare > 0 ? $"-silent{silentShare.ToString(CultureInfo.InvariantCulture)}" : "") + (zns ? "-zns" : "");
        return options with { Key = key };
    }

    private static double Number(string[] args, int i) =>
        i < args.Length && double.TryParse(args[i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 1_000_000
            ? n
            : throw new ArgumentException($"expected a positive number after {args[i - 1]}");
}
