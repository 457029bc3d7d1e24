using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.Persistence;

/// <summary>
/// The real host as a process of its own (`dotnet HaiHau.InfoBot.Host.dll`), configured by environment variables as
/// in the compose file, so a test can run several on one database and kill one outright (SIGKILL: no shutdown code
/// runs, its database sessions end as the socket closes). The benchmarks' ChildHost does the same for one SQLite host.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180); // a busy CI box starts slowly

    private readonly Process _process;
    private readonly OutputTail _output = new(40);

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts a host serving on a free loopback port and waits until /health answers.</summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken ct)
    {
        var address = new Uri($"http://127.0.0.1:{ChildHostHealth.FreePort().ToString(CultureInfo.InvariantCulture)}");
        var host = new HostProcess(Launch(["--urls", address.ToString()], settings), address);
        try
        {
            await host.WaitForHealthAsync(ct);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    /// <summary>Runs a verb (e.g. db migrate) to its end; throws with its output when it fails.</summary>
    public static async Task RunVerbAsync(IReadOnlyList<string> verb, IReadOnlyDictionary<string, string?> settings, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StartTimeout);
        using var process = Launch(verb, settings);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', verb)} exited with {process.ExitCode}:\n{await error}\n{await output}");
        }
    }

    /// <summary>SIGKILL, as a crash or a pulled plug: nothing of the host's own shutdown runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public string Output() => _output.Text();

    /// <summary>The file names of the assemblies the process has mapped (Linux: /proc/PID/maps).</summary>
    public HashSet<string> LoadedAssemblies() =>
        File.ReadLines($"/proc/{Id.ToString(CultureInfo.InvariantCulture)}/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6 && fields[5].EndsWith(".dll", StringComparison.Ordinal))
            .Select(fields => Path.GetFileName(fields[5]))
            .ToHashSet(StringComparer.Ordinal);

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static Process Launch(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> settings)
    {
        var hostDll = ChildHostHealth.HostDll();
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(hostDll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private async Task WaitForHealthAsync(CancellationToken ct)
    {
        _process.OutputDataReceived += (_, e) => _output.Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => _output.Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await ChildHostHealth.WaitAsync(_process, Address, StartTimeout, TimeSpan.FromMilliseconds(50), Output, ct);
    }
}
