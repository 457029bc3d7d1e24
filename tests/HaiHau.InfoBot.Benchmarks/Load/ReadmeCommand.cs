using HaiHau.InfoBot.TestKit.Speed;

namespace HaiHau.InfoBot.Benchmarks.Load;

/// <summary>
/// "readme [--from FILE]": regenerates README.md's speed table from the committed load results
/// (tests/HaiHau.InfoBot.Benchmarks/Results/load-results.json). With --from, that file (a `load` run's
/// BenchmarkDotNet.Artifacts/load-results.json) first becomes the committed results.
/// </summary>
public static class ReadmeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["--from", var from])
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SpeedTable.ResultsPath)!);
            File.Copy(from, SpeedTable.ResultsPath, overwrite: true);
        }
        else if (args.Length > 0)
        {
            Console.Error.WriteLine("usage: readme [--from BenchmarkDotNet.Artifacts/load-results.json]");
            return 2;
        }

        var table = SpeedTable.RenderCommitted();
        var readme = await File.ReadAllTextAsync(SpeedTable.ReadmePath);
        await File.WriteAllTextAsync(SpeedTable.ReadmePath, SpeedTable.Replace(readme, table));
        Console.WriteLine($"README.md speed table written from {SpeedTable.ResultsPath}");
        return 0;
    }
}
