using HaiHau.InfoBot.Benchmarks.Engine;
using HaiHau.InfoBot.Benchmarks.Load;
using HaiHau.InfoBot.Benchmarks.Reach;
using HaiHau.InfoBot.Benchmarks.Understanding;

// Four verbs, no command-line package: "engine" (BenchmarkDotNet, one dialog turn), "classify" (BenchmarkDotNet,
// reading one free-text question), "load" (HTTP end to end) and "reach" (the reach report over 1 M rows and 100 k households).
switch (args.FirstOrDefault())
{
    case "engine":
        return EngineCommand.Run(args[1..]);
    case "classify":
        return ClassifyCommand.Run(args[1..]);
    case "load":
        return await LoadCommand.RunAsync(args[1..]);
    case "reach":
        return await ReachCommand.RunAsync(args[1..]);
    default:
        Console.Error.WriteLine("usage: dotnet run -c Release --project tests/HaiHau.InfoBot.Benchmarks -- engine [BenchmarkDotNet args]");
        Console.Error.WriteLine("       dotnet run -c Release --project tests/HaiHau.InfoBot.Benchmarks -- classify [BenchmarkDotNet args]");
        Console.Error.WriteLine("       dotnet run -c Release --project tests/HaiHau.InfoBot.Benchmarks -- load [--quick]");
        Console.Error.WriteLine("       dotnet run -c Release --project tests/HaiHau.InfoBot.Benchmarks -- reach");
        return 2;
}
