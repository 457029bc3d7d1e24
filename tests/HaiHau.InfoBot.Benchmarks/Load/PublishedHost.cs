using System.Diagnostics;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Benchmarks.Load;

/// <summary>
/// The host as deploy/Dockerfile ships it: `dotnet publish -p:PublishReadyToRun=true` (code compiled ahead, so a start
/// does not JIT most of it). The build output the tests run is JIT-only; start-up and idle memory differ between the two,
/// so the benchmarks measure this one for the production figure and say which they measured. Published into
/// artifacts/ (ignored by git); a second publish of unchanged sources skips the ahead-of-time compilation.
/// </summary>
public static class PublishedHost
{
    public static string Folder => Path.Combine(RepoPaths.Root, "artifacts", "published-host");

    public static async Task<string> PublishAsync(CancellationToken ct)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["publish", Path.Combine("src", "HaiHau.InfoBot.Host"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
                     "-p:PublishReadyToRun=true", "-o", Folder, "--nologo", "-v", "q"])
        {
            info.ArgumentList.Add(arg);
        }

        using var publish = Process.Start(info) ?? throw new InvalidOperationException("dotnet publish did not start");
        var output = publish.StandardOutput.ReadToEndAsync(ct);
        var error = publish.StandardError.ReadToEndAsync(ct);
        await publish.WaitForExitAsync(ct);
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{await output}\n{await error}");
        }

        return Path.Combine(Folder, "HaiHau.InfoBot.Host.dll");
    }
}
