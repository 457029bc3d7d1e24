using HaiHau.InfoBot.Benchmarks.Engine;
using HaiHau.InfoBot.Benchmarks.Load;

// Two verbs, no command-line package: "engine" (BenchmarkDotNet, one dialog turn) and "load" (HTTP end to end).
switch (args.FirstOrDefault())
{
    case "engine":
        return EngineCommand.Run(args[1..]);
    case "load":
        return await LoadCommand.RunAsync(args[1..]);
    default:
        Console.Error.WriteLine("usage: dotnet run -c Release --project tests/HaiHau.InfoBot.Benchmarks -- engine [BenchmarkDotNet args]");
        Console.Error.WriteLine("       dotnet run -c Release --project tests/HaiHau.InfoBot.Benchmarks -- load [--quick]");
        return 2;
}
