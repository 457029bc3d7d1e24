using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace HaiHau.InfoBot.TestKit.Postgres;

/// <summary>
/// A throw-away PostgreSQL cluster for one test run: initdb in a temp folder, a free port on 127.0.0.1, trust
/// authentication, no fsync (the data dies with the run), stopped when the test process exits. Each test takes a
/// fresh database of its own (<see cref="CreateDatabase"/>). The binaries come from INFOBOT_PG_BIN, or Debian's
/// /usr/lib/postgresql/N/bin. As root (CI containers) the server runs as the unprivileged postgres user, as it must.
/// </summary>
public sealed class PostgresCluster
{
    private static readonly Lazy<PostgresCluster> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgresUser;

    private PostgresCluster(string bin, string folder, int port, bool asPostgresUser)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    /// <summary>The run's cluster, started on first use. Throws when it cannot start (a test on PostgreSQL then fails).</summary>
    public static PostgresCluster Instance => Shared.Value;

    /// <summary>Null when the binaries are found; otherwise why PostgreSQL tests cannot run here.</summary>
    public static string? MissingReason => BinFolder() is null
        ? "PostgreSQL binaries not found (install Debian's postgresql package, or set INFOBOT_PG_BIN to the folder holding initdb and pg_ctl)"
        : null;

    /// <summary>True in CI (CI=true): there a missing PostgreSQL fails the PostgreSQL tests instead of skipping them.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("CI") == "1";

    /// <summary>A new empty database on the cluster; returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "t" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=infobot;Database={database};Include Error Detail=true;Maximum Pool Size=30";

    private static string? BinFolder()
    {
        var configured = Environment.GetEnvironmentVariable("INFOBOT_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        }

        const string debian = "/usr/lib/postgresql";
        return Directory.Exists(debian)
            ? Directory.GetDirectories(debian).Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).FirstOrDefault()
            : null;
    }

    private static PostgresCluster Start()
    {
        var bin = BinFolder() ?? throw new InvalidOperationException(MissingReason);
        var asPostgresUser = Environment.UserName == "root";
        // As root the folder must be reachable by the postgres user: /tmp is, a private TMPDIR may not be.
        var parent = asPostgresUser ? "/tmp" : Path.GetTempPath();
        StopLeftOvers(bin, parent, asPostgresUser);
        var folder = Path.Combine(parent, FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var cluster = new PostgresCluster(bin, folder, FreePort(), asPostgresUser);
        if (asPostgresUser)
        {
            cluster.Run("/bin/chown", ["postgres:postgres", folder], asUser: false);
        }

        var data = Path.Combine(folder, "data");
        cluster.Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "infobot", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
        var settings = $"-p {cluster.Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        cluster.Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", settings, "start"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        cluster.WatchOwner();
        return cluster;
    }

    /// <summary>Holds the write end of the watchdog's stdin for as long as this process lives (see <see cref="WatchOwner"/>).</summary>
    private static Process? watchdog;

    /// <summary>
    /// Stops the server when this test process goes, however it goes. The stop on exit does not run when the runner ends
    /// the test host, and the server then ran until the next run's <see cref="StopLeftOvers"/> (seen on most runs of
    /// 5 December). A shell in its own session (<c>setsid -f</c>, so a kill of the test host's process tree misses it)
    /// reads its stdin, a pipe only this process writes to; the kernel closes the pipe when this process ends, by any
    /// signal, and the shell then stops the server and removes its folder. No polling: it waits on the pipe.
    /// </summary>
    private void WatchOwner()
    {
        var stop = $"{(_asPostgresUser ? "runuser -u postgres -- " : "")}'{Path.Combine(_bin, "pg_ctl")}' -D '{Path.Combine(_folder, "data")}' -m immediate -w stop";
        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            // Its own pipes, never the test host's output, which the runner reads to the end.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "-f", "/bin/sh", "-c", $"exec >/dev/null 2>&1; cat; {stop}; rm -rf '{_folder}'" })
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            watchdog = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No setsid on this machine: the stop on exit and the next run's StopLeftOvers remain.
        }
    }

    private const string FolderPrefix = "infobot-pg-";

    /// <summary>The test process that started a cluster, written beside its data.</summary>
    private const string OwnerFile = "owner.pid";

    /// <summary>
    /// Stops and removes the clusters of earlier runs whose test process is gone. The stop on exit does not always run
    /// (a test host ended by the runner skips it): measured 5 December, two of three Host runs on one machine left their
    /// server running, ~36 MB each, until the machine restarted. A cluster whose process still runs (another test
    /// project beside this one) is left alone.
    /// </summary>
    private static void StopLeftOvers(string bin, string parent, bool asPostgresUser)
    {
        foreach (var folder in Directory.EnumerateDirectories(parent, FolderPrefix + "*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(File.ReadAllText(owner), out var pid) || Alive(pid))
            {
                continue;
            }

            new PostgresCluster(bin, folder, 0, asPostgresUser).Stop();
        }
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private void Stop()
    {
        try
        {
            Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // Not running (a left-over whose server died with the machine), or the process is exiting.
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cluster left behind holds test data only, in the temp folder; the next run tries again.
        }
    }

    private void Run(string file, IReadOnlyList<string> arguments, bool asUser = true)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asUser && _asPostgresUser)
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = file;
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + file);
        // pg_ctl start leaves the server holding the pipes: read to the end only what the tool itself writes.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000) || process.ExitCode != 0)
        {
            var said = Task.WaitAll([output, error], 5_000) ? error.Result + output.Result : "";
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({(process.HasExited ? process.ExitCode : -1)}): {said}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
