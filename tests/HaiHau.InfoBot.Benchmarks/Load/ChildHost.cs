using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Benchmarks.Load;

/// <summary>
/// The real host as its own process (`dotnet HaiHau.InfoBot.Host.dll --urls …`), as it runs in production: the
/// honest place to time start-up (process start until /health answers 200) and to read resident memory. Which build
/// runs matters: the ReadyToRun publish (<see cref="PublishedHost"/>) is what deploy/Dockerfile ships.
/// </summary>
public sealed class ChildHost : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180); // generous: a start-up of minutes is a figure to report (busy box), not a crash

    private readonly Process _process;
    private readonly OutputTail _output = new(30);

    private ChildHost(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public TimeSpan StartUp { get; private set; }

    /// <summary>CPU time the host used until /health answered: on a shared machine the wall time mostly waits for a core.</summary>
    public TimeSpan StartUpCpu { get; private set; }

    /// <param name="hostDll">The host to run: the build output by default, or <see cref="PublishedHost"/>'s ReadyToRun publish.</param>
    public static async Task<ChildHost> StartAsync(string databasePath, CancellationToken ct, IReadOnlyList<string>? extraSettings = null, string? hostDll = null)
    {
        hostDll ??= ChildHostHealth.HostDll();
        var address = new Uri($"http://127.0.0.1:{ChildHostHealth.FreePort().ToString(CultureInfo.InvariantCulture)}");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in ShippedRuntimeSettings.FromSystemdUnit())
        {
            info.Environment[name] = value; // the runtime settings deploy/ starts it with (tier-1 call counting's delay)
        }

        foreach (var arg in (string[])[hostDll, "--urls", address.ToString(), .. LoadCommand.HostSettings(databasePath), .. extraSettings ?? []])
        {
            info.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        var host = new ChildHost(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"), address);
        host._process.OutputDataReceived += (_, e) => host._output.Keep(e.Data);
        host._process.ErrorDataReceived += (_, e) => host._output.Keep(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        try
        {
            await host.WaitForHealthAsync(ct);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        host.StartUp = clock.Elapsed;
        host.StartUpCpu = host.CpuTime();
        return host;
    }

    /// <summary>Resident set size from /proc/PID/status (VmRSS, in kB), in MB.</summary>
    public double RssMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status")
            .First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
        return kilobytes / 1024.0;
    }

    /// <summary>User plus system time from /proc/PID/stat (fields 14 and 15, in clock ticks of 10 ms).</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (name) ": field 3 is fields[0]
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    public void Dispose()
    {
        // SIGKILL of our own child, by its id: the database is a throw-away file and WAL survives a killed writer.
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private async Task WaitForHealthAsync(CancellationToken ct)
    {
        // Polled every 10 ms: start-up is reported to ±10 ms.
        await ChildHostHealth.WaitAsync(_process, Address, StartTimeout, TimeSpan.FromMilliseconds(10), Output, ct);
    }

    private string Output() => _output.Text();
}
