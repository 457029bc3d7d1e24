using System.Globalization;

namespace HaiHau.InfoBot.Benchmarks.Load;

/// <summary>The load run's knobs. Defaults are the figures the targets are stated for; --quick is a smoke run.</summary>
public sealed record LoadOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Long enough on two cores for tiered JIT to settle; 3 s left it compiling through the timed window.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(6);

    public int Users { get; init; } = 16;

    public int Rate { get; init; } = 500;

    /// <summary>Conversations the open loop spreads its arrivals over; 256 covers 500 turns/s up to ~0.5 s latency.</summary>
    public int OpenLoopUsers { get; init; } = 256;

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--quick" => options with { Duration = TimeSpan.FromSeconds(3), WarmUp = TimeSpan.FromSeconds(1) },
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(Number(args, ++i)) },
                "--users" => options with { Users = Number(args, ++i) },
                "--rate" => options with { Rate = Number(args, ++i) },
                _ => throw new ArgumentException($"unknown option {args[i]} (known: --quick, --seconds N, --users N, --rate N)"),
            };
        }

        return options;
    }

    private static int Number(string[] args, int i) =>
        i < args.Length && int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 100_000
            ? n
            : throw new ArgumentException($"{args[i - 1]} needs a number from 1 to 100000");
}
