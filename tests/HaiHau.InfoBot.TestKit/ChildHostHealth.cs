using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HaiHau.InfoBot.TestKit;

/// <summary>
/// Waits for a host started as a child process to answer /health with 200: the one place the tests' HostProcess and the
/// benchmarks' ChildHost share, so a fix to how a slow or crashed start is seen lands in both.
/// </summary>
public static class ChildHostHealth
{
    /// <summary>
    /// Polls every <paramref name="pollEvery"/> (a child process's start raises no event to wait on) until /health
    /// answers 200; throws with the host's last output when it exits first or the deadline passes.
    /// </summary>
    public static async Task WaitAsync(Process process, Uri address, TimeSpan startTimeout, TimeSpan pollEvery, Func<string> output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(output);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(startTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the host exited with {process.ExitCode}:\n{output()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // listening but slow to answer (a busy box): ask again until the deadline
            }

            await Task.Delay(pollEvery, ct);
        }

        throw new TimeoutException($"the host did not answer /health within {startTimeout.TotalSeconds} s:\n{output()}");
    }

    /// <summary>The host's own build output, which has its runtimeconfig and deps files (a copy beside a test has not).</summary>
    public static string HostDll()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
        var path = Path.Combine(RepoPaths.Root, "src", "HaiHau.InfoBot.Host", "bin", configuration, "net10.0", "HaiHau.InfoBot.Host.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build the host first", path);
    }

    /// <summary>Port 0 picks a free loopback port; it is released before the child binds it (a tiny race, fine for tests).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
