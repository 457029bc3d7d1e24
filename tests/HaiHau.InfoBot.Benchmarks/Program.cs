using HaiHau.InfoBot.Benchmarks.Engine;
using HaiHau.InfoBot.Benchmarks.Load;
using HaiHau.InfoBot.Benchmarks.Understanding;

// Three verbs, no command-line package: "engine" (BenchmarkDotNet, one dialog turn), "classify" (BenchmarkDotNet,
// reading one free-text question) and "load" (HTTP end to end).
switch (args.FirstOrDefault())
{
    case "engine":
        return EngineCommand.Run(args[1..]);
    case "classify":
        return ClassifyCommand.Run(args[1..]);
    case "load":
        return await LoadCommand.RunAsync(args[1..]);
    default:
        Console.Error.WriteLine("usage: dotnet run -c Release --project tests/HaiHau.InfoBot.Benchmarks -- engine [BenchmarkDotNet args]");
        Console.Error.WriteLine("       dotnet run -c Release --project tests/HaiHau.InfoBot.Benchmarks -- classify [BenchmarkDotNet args]");
        Console.Error.WriteLine("       dotnet run -c Release --project tests/HaiHau.InfoBot.Benchmarks -- load [--quick]");
        return 2;
}
