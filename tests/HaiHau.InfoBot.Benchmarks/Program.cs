using HaiHau.InfoBot.Benchmarks.Broadcast;
using HaiHau.InfoBot.Benchmarks.Engine;
using HaiHau.InfoBot.Benchmarks.Load;
using HaiHau.InfoBot.Benchmarks.Reach;
using HaiHau.InfoBot.Benchmarks.Understanding;

// Five verbs, no command-line package: "engine" (BenchmarkDotNet, one dialog turn), "classify" (BenchmarkDotNet,
// reading one free-text question), "load" (HTTP end to end), "reach" (the reach report over 1 M rows and 100 k
// households) and "broadcast" (one announcement to 10,000 residents against a rate-capped fake Telegram or Zalo).
switch (args.FirstOrDefault())
{
    case "engine":
        return EngineCommand.Run(args[1..]);
    case "classify":
        return ClassifyCommand.Run(args[1..]);
    case "load":
        return await LoadCommand.RunAsync(args[1..]);
    case "telegram":
        return await HaiHau.InfoBot.Benchmarks.Telegram.TelegramWebhookCommand.RunAsync(args[1..]);
    case "startup":
        return await StartUpCommand.RunAsync(args[1..]);
    case "turns":
        return await TurnCostCommand.RunAsync(args[1..]);
    case "readme":
        return await ReadmeCommand.RunAsync(args[1..]);
    case "reach":
        return await ReachCommand.RunAsync(args[1..]);
    case "broadcast":
        return await BroadcastCommand.RunAsync(args[1..]);
    case "hosts":
        return await HaiHau.InfoBot.Benchmarks.Hosts.HostsCommand.RunAsync(args[1..]);
    default:
        Console.Error.WriteLine("usage: dotnet run -c Release --project tests/HaiHau.InfoBot.Benchmarks -- engine [BenchmarkDotNet args]");
        Console.Error.WriteLine("       dotnet run -c Release --project tests/HaiHau.InfoBot.Benchmarks -- classify [BenchmarkDotNet args]");
        Console.Error.WriteLine("       dotnet run -c Release --project tests/HaiHau.InfoBot.Benchmarks -- load [--quick]");
        Console.Error.WriteLine("       dotnet run -c Release --project tests/HaiHau.InfoBot.Benchmarks -- turns [--count N]");
        Console.Error.WriteLine("       dotnet run -c Release --project tests/HaiHau.InfoBot.Benchmarks -- startup [--restarts N]");
        Console.Error.WriteLine("       dotnet run -c Release --project tests/HaiHau.InfoBot.Benchmarks -- telegram [--users N] [--turns K]");
        Console.Error.WriteLine("       dotnet run -c Release --project tests/HaiHau.InfoBot.Benchmarks -- readme [--from load-results.json]");
        Console.Error.WriteLine("       dotnet run -c Release --project tests/HaiHau.InfoBot.Benchmarks -- reach");
        Console.Error.WriteLine("       dotnet run -c Release --project tests/HaiHau.InfoBot.Benchmarks -- hosts [--quick] [--users N] [--seconds S]");
        Console.Error.WriteLine("       dotnet run -c Release --project tests/HaiHau.InfoBot.Benchmarks -- broadcast --channel telegram|zalo [--residents N] [--quick] [--zalo-window SECONDS] [--rate R] [--silent-share S] [--zns]");
        return 2;
}
